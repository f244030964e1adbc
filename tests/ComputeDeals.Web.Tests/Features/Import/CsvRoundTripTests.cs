using System.IO.Compression;
using System.Security.Claims;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Api;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Features.Import;
using ComputeDeals.Web.Features.Releases;
using ComputeDeals.Web.Tests.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Tests.Features.Import;

/// <summary>
/// The deal export and the deal import share one column layout: exporting every deal and importing the
/// file into a store emptied of deals gives the same deals back, field for field, with their term,
/// accelerators, data centers (and shares) and every source (on SQLite and, in test.sh, PostgreSQL).
/// </summary>
public class CsvRoundTripTests(TestAppFactory app) : CsvRoundTrip(app), IClassFixture<TestAppFactory>
{
    [Fact]
    public Task Exporting_every_deal_and_importing_the_file_gives_the_same_deals() =>
        RoundTripAsync(() => App.CreateClient().GetStringAsync(new Uri("/api/v1/deals.csv", UriKind.Relative)));
}

/// <summary>A release's deals.csv is the same layout: importing it into a store emptied of deals gives the same deals back.</summary>
public class ReleaseCsvRoundTripTests(TestAppFactory app) : CsvRoundTrip(app), IClassFixture<TestAppFactory>
{
    [Fact]
    public Task A_release_zip_deals_csv_imports_as_the_same_deals() =>
        RoundTripAsync(async () =>
        {
            var release = await Service<ReleaseService>().CreateAsync("round-trip test");
            using var zip = new ZipArchive(new MemoryStream(release.Zip));
            using var reader = new StreamReader(zip.GetEntry("deals.csv")!.Open());
            var csv = await reader.ReadToEndAsync();
            Assert.StartsWith(string.Join(',', DealCsvLayout.Columns) + "\r\n", csv, StringComparison.Ordinal);
            return csv;
        });
}

/// <summary>Exports every deal with the given export, empties the store of deals, imports the file and compares.</summary>
public abstract class CsvRoundTrip(TestAppFactory app) : EditingTestBase(app)
{
    private sealed record Shape(
        string Title, DateOnly AnnouncedOn, DatePrecision Precision, DealType Type, DealStatus Status, string Parties,
        Figure Value, ValuePeriod Period, Figure? Capacity, Figure? Accelerators, DateOnly? TermStart, DateOnly? TermEnd, int? TermMonths,
        string? Summary, string DataCenters, string Sources);

    private static async Task<Dictionary<string, Shape>> ShapesAsync(AppDbContext db) =>
        (await db.Deals.AsNoTracking()
            .Include(d => d.Parties).ThenInclude(p => p.Company)
            .Include(d => d.DataCenters).ThenInclude(x => x.DataCenter)
            .Include(d => d.Sources).ThenInclude(s => s.Source)
            .AsSplitQuery()
            .ToListAsync())
            .ToDictionary(d => d.Slug, d => new Shape(
                d.Title, d.AnnouncedOn, d.AnnouncedPrecision, d.Type, d.Status,
                string.Join("; ", d.Parties.OrderBy(p => p.Company!.Slug, StringComparer.Ordinal).ThenBy(p => p.Role).Select(p => $"{p.Company!.Slug}:{p.Role}")),
                d.Value, d.ValuePeriod, d.Capacity, d.Accelerators, d.TermStart, d.TermEnd, d.TermMonths, d.Summary,
                string.Join(" | ", d.DataCenters.OrderBy(x => x.DataCenter!.Slug, StringComparer.Ordinal).Select(x => $"{x.DataCenter!.Slug}={x.Share}")),
                string.Join(" | ", d.Sources.OrderBy(s => s.Ordinal).Select(s => $"{s.Ordinal} {s.Source!.Url} {s.Source.Title} {s.Source.Publisher} {s.Source.PublishedOn} {s.Supports}"))));

    /// <summary>A published deal that uses every column: term, accelerators, two data centers with shares, three sources, formula-like text.</summary>
    private async Task PublishRichDealAsync(ClaimsPrincipal editor)
    {
        int colossus1, colossus2;
        await using (var db = App.CreateDbContext())
        {
            colossus1 = await db.DataCenters.Where(d => d.Slug == "colossus-1").Select(d => d.Id).SingleAsync();
            colossus2 = await db.DataCenters.Where(d => d.Slug == "colossus-2").Select(d => d.Id).SingleAsync();
        }

        var deal = await NewDealAsync("Round-trip deal with every column");
        deal.Accelerators = Figure.Range(50_000, 100_000, FigureBasis.Estimated) with { Note = "two reports" };
        deal.Capacity = Figure.AtLeast(250) with { Note = "phase one only" };
        deal.TermStart = new DateOnly(2026, 4, 1);
        deal.TermMonths = 36;
        deal.Summary = "-5% below list price; 'quoted' =SUM(A1)";
        deal.DataCenters =
        [
            new DealDataCenter { DataCenterId = colossus1, Share = Figure.UpTo(150) },
            new DealDataCenter { DataCenterId = colossus2, Share = null },
        ];
        deal.Sources =
        [
            new DealSource { Ordinal = 1, Supports = SourceSupports.Value | SourceSupports.Accelerators, Source = new Source { Url = "https://example.com/round-trip/one", Title = "First, with a comma", Publisher = "Example News", PublishedOn = new DateOnly(2026, 3, 2) } },
            new DealSource { Ordinal = 2, Supports = SourceSupports.General, Source = new Source { Url = "https://example.com/round-trip/two", Title = "Second" } },
            new DealSource { Ordinal = 3, Supports = SourceSupports.Capacity, Source = new Source { Url = "https://example.com/round-trip/three", Title = "Third \"quoted\"", Publisher = "Wire" } },
        ];
        var editing = Service<DealEditor>();
        var saved = await editing.SaveAsync(editor, deal);
        Assert.Equal(EditOutcome.Saved, saved.Outcome);
        Assert.Equal(EditOutcome.Saved, (await editing.SetPublishedAsync(editor, saved.Id, saved.Version, true)).Outcome);
    }

    protected async Task RoundTripAsync(Func<Task<string>> export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var editor = await UserAsync("round-trip@example.com", AppRoles.Editor);
        await PublishRichDealAsync(editor);
        var csv = await export();
        Dictionary<string, Shape> before;
        await using (var db = App.CreateDbContext())
        {
            before = await ShapesAsync(db);
            Assert.True(before.Count >= 15, $"only {before.Count} deals exported");
            var rich = before.Values.Single(d => d.Title == "Round-trip deal with every column");
            Assert.Equal(3, rich.Sources.Split(" | ").Length);
            Assert.Equal(["colossus-1", "colossus-2"], rich.DataCenters.Split(" | ").Select(x => x[..x.IndexOf('=', StringComparison.Ordinal)]));

            // An empty store of deals (companies stay: parties name them by slug).
            await db.DealParties.ExecuteDeleteAsync();
            await db.DealDataCenters.ExecuteDeleteAsync();
            await db.DealSources.ExecuteDeleteAsync();
            await db.SlugHistory.Where(h => h.EntityKind == EntityKind.Deal).ExecuteDeleteAsync();
            await db.Deals.IgnoreQueryFilters().ExecuteDeleteAsync();
        }

        var service = Service<DealImportService>();
        var preview = await service.PreviewAsync(editor, csv);
        Assert.Equal([], preview.Errors.Select(e => $"row {e.Row} {e.Column}: {e.Message}"));
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
