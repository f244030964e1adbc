using ComputeDeals.Core.Domain;
using ComputeDeals.Testing;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Features.Import;
using ComputeDeals.Web.Tests.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Tests.Features.Import;

/// <summary>
/// The deal export and the deal import share one column layout: exporting every deal and importing the
/// file into a store emptied of deals gives the same deals back (on SQLite and, in test.sh, PostgreSQL).
/// </summary>
public class CsvRoundTripTests(TestAppFactory app) : EditingTestBase(app), IClassFixture<TestAppFactory>
{
    private sealed record Shape(
        string Title, DateOnly AnnouncedOn, DatePrecision Precision, DealType Type, DealStatus Status, string Parties,
        Core.Figures.Figure Value, ValuePeriod Period, Core.Figures.Figure? Capacity, string? Summary);

    private static async Task<Dictionary<string, Shape>> ShapesAsync(AppDbContext db) =>
        (await db.Deals.AsNoTracking().Include(d => d.Parties).ThenInclude(p => p.Company).ToListAsync())
            .ToDictionary(d => d.Slug, d => new Shape(
                d.Title, d.AnnouncedOn, d.AnnouncedPrecision, d.Type, d.Status,
                string.Join("; ", d.Parties.OrderBy(p => p.Company!.Slug, StringComparer.Ordinal).ThenBy(p => p.Role).Select(p => $"{p.Company!.Slug}:{p.Role}")),
                d.Value, d.ValuePeriod, d.Capacity, d.Summary));

    [Fact]
    public async Task Exporting_every_deal_and_importing_the_file_gives_the_same_deals()
    {
        var client = App.CreateClient();
        var csv = await client.GetStringAsync(new Uri("/api/v1/deals.csv", UriKind.Relative));
        Dictionary<string, Shape> before;
        await using (var db = App.CreateDbContext())
        {
            before = await ShapesAsync(db);
            Assert.True(before.Count >= 15, $"only {before.Count} deals exported");

            // An empty store of deals (companies stay: parties name them by slug).
            await db.DealParties.ExecuteDeleteAsync();
            await db.DealDataCenters.ExecuteDeleteAsync();
            await db.DealSources.ExecuteDeleteAsync();
            await db.SlugHistory.Where(h => h.EntityKind == EntityKind.Deal).ExecuteDeleteAsync();
            await db.Deals.IgnoreQueryFilters().ExecuteDeleteAsync();
        }

        var editor = await UserAsync("round-trip@example.com", AppRoles.Editor);
        var service = Service<DealImportService>();
        var preview = await service.PreviewAsync(editor, csv);
        Assert.Empty(preview.Errors);
        Assert.Equal(before.Count, preview.RowCount);
        var result = await service.CommitAsync(editor, preview);
        Assert.Equal(EditOutcome.Saved, result.Outcome);

        await using var after = App.CreateDbContext();
        var imported = await ShapesAsync(after);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), imported.Keys.Order(StringComparer.Ordinal));
        foreach (var (slug, shape) in before)
        {
            Assert.Equal((slug, shape), (slug, imported[slug]));
        }
    }
}
