using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Data;

public class SeedTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    [Fact]
    public async Task Seed_loads_every_file_with_its_sources()
    {
        _ = app.Server; // start the host: migrate and seed
        await using var db = app.CreateDbContext();

        Assert.True(await db.Companies.CountAsync() >= 12);
        Assert.True(await db.DataCenters.CountAsync() >= 7);
        Assert.True(await db.Deals.CountAsync() >= 15);
        Assert.True(await db.Deals.AllAsync(d => d.Sources.Any()), "every published deal has a source");
        Assert.True(await db.Valuations.AllAsync(v => v.SourceId != null), "every valuation has a source");
    }

    [Fact]
    public async Task Colossus_1_sale_is_seeded_with_conflicting_price_reports_as_a_range()
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();

        var deal = await db.Deals.Include(d => d.Parties).ThenInclude(p => p.Company).Include(d => d.Sources)
            .SingleAsync(d => d.Slug == "xai-anthropic-colossus-1");

        Assert.Equal(DealType.CapacitySaleOrLease, deal.Type);
        Assert.Contains(deal.Parties, p => p.Company!.Slug == "xai" && p.Role == PartyRole.Seller);
        Assert.Contains(deal.Parties, p => p.Company!.Slug == "anthropic" && p.Role == PartyRole.Buyer);
        Assert.True(deal.Value.Low < deal.Value.High);
        Assert.Equal(ValuePeriod.PerYear, deal.ValuePeriod);
        Assert.True(deal.Sources.Count(s => s.Supports.HasFlag(SourceSupports.Value)) >= 3);
        Assert.Equal(300, deal.Capacity!.Low);
    }

    [Fact]
    public async Task Xai_is_under_spacex_and_estimates_are_not_exact()
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();

        var xai = await db.Companies.Include(c => c.Parent).SingleAsync(c => c.Slug == "xai");
        Assert.Equal("spacex", xai.Parent!.Slug);
        var epochRows = await db.CapacityRows.Where(r => r.Power.Basis == FigureBasis.Estimated).ToListAsync();
        Assert.NotEmpty(epochRows);
        Assert.DoesNotContain(epochRows, r => r.Power.Qualifier == FigureQualifier.Exact);
    }

    [Fact]
    public async Task Money_and_power_sum_and_compare_in_sql()
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();

        // Translated to SQL by the provider; EF throws if it cannot translate.
        var bigDeals = await db.Deals.Where(d => d.Value.High >= 10e9).OrderByDescending(d => d.Value.High).Select(d => d.Slug).ToListAsync();
        var disclosedMw = await db.Deals.Where(d => d.Capacity != null).SumAsync(d => d.Capacity!.Low ?? 0);

        Assert.Equal(
            ["openai-nvidia-loi-2025", "google-anthropic-investment-2026", "openai-aws-2025-11", "meta-coreweave-expansion",
             "amazon-anthropic-compute-2026", "xai-funding-round-2025", "xai-anthropic-colossus-1", "meta-coreweave-2025-09",
             "openai-coreweave-2025-03"],
            bigDeals);
        Assert.True(disclosedMw >= 300);
    }

    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        _ = app.Server;
        using var scope = app.Services.CreateScope();
        var loader = scope.ServiceProvider.GetRequiredService<SeedLoader>();
        await using var before = app.CreateDbContext();
        var deals = await before.Deals.CountAsync();

        var seededAgain = await loader.SeedIfEmptyAsync(Path.GetFullPath("../../../../../data/seed", AppContext.BaseDirectory));

        await using var after = app.CreateDbContext();
        Assert.False(seededAgain);
        Assert.Equal(deals, await after.Deals.CountAsync());
    }
}
