using ComputeDeals.Core.Analytics;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Tests.Analytics;

/// <summary>
/// Owned and available capacity under each coverage (docs/analytics.md, "Coverage"): a company whose own
/// sites are not all tracked reads "at least" or "not tracked", never a zero or a negative built on a gap.
/// </summary>
public class CoverageTests
{
    private const int Hyperscaler = 1;
    private const int Lab = 2;
    private const int Partial = 3;
    private static readonly DateOnly AsOf = new(2026, 6, 1);

    // Hyperscaler (not tracked) leases at least 1,000 MW to Lab; Partial (one 1,000 MW site tracked) leases
    // 300 MW to Lab and takes 100 MW from Hyperscaler.
    private static AnalyticsCalculator World(CapacityCoverage hyperscaler, CapacityCoverage lab = CapacityCoverage.Complete) => new(new AnalyticsData(
        [
            new CompanyInput { Id = Hyperscaler, Slug = "hyper", Name = "Hyper", Coverage = hyperscaler },
            new CompanyInput { Id = Lab, Slug = "lab", Name = "Lab", Coverage = lab },
            new CompanyInput { Id = Partial, Slug = "partial", Name = "Partial", Coverage = CapacityCoverage.Partial },
        ],
        [
            new DataCenterInput
            {
                Id = 10, Slug = "site", Name = "Site", OperatorId = Partial,
                Capacity = [new CapacityRowInput { Id = 100, EffectiveDate = new DateOnly(2025, 1, 1), Power = Figure.Exact(1000) }],
            },
        ],
        [
            Lease(1, Hyperscaler, Lab, Figure.AtLeast(1000)),
            Lease(2, Partial, Lab, Figure.Exact(300)),
            Lease(3, Hyperscaler, Partial, Figure.Exact(100)),
        ],
        []));

    private static DealInput Lease(int id, int seller, int buyer, Figure mw) => new()
    {
        Id = id, Slug = $"lease-{id}", AnnouncedOn = new DateOnly(2026, 1, 1), Capacity = mw,
        Parties = [new(seller, PartyRole.Seller), new(buyer, PartyRole.Buyer)],
    };

    [Fact]
    public void A_not_tracked_company_that_leases_out_has_unknown_owned_and_available_capacity_not_a_negative()
    {
        var hyper = World(CapacityCoverage.NotTracked).Position(Hyperscaler, AsOf, rollUp: false);

        Assert.Null(hyper.Owned);
        Assert.Null(hyper.Available);
        Assert.Equal("not tracked", hyper.OwnedText);
        Assert.Equal("not tracked", hyper.AvailableText);
        Assert.Equal("not tracked", hyper.OwnedOperationalText);
        Assert.NotNull(hyper.CoverageNote);
    }

    [Fact]
    public void The_same_company_marked_complete_is_bounded_below_by_zero_not_at_most_minus_one_GW()
    {
        // Complete with no site: owned 0 − at least 1,100 out = "at most −1.1 GW" before the rule; leasing out
        // more than the tracked sites hold contradicts "complete", so only the contracted-in floor (none) is proven.
        var hyper = World(CapacityCoverage.Complete).Position(Hyperscaler, AsOf, rollUp: false);

        Assert.Null(hyper.Available);
        Assert.DoesNotContain("−", hyper.AvailableText);
    }

    [Fact]
    public void Partial_coverage_gives_at_least_the_tracked_sites_minus_what_is_leased_out_plus_what_is_leased_in()
    {
        var partial = World(CapacityCoverage.NotTracked).Position(Partial, AsOf, rollUp: false);

        // Owned: at least 1,000 (the tracked site). Available ≥ max(1,000 − 300, 0) + 100 = 800.
        Assert.Equal((1000d, 1000d, true), (partial.Owned!.Low, partial.Owned.High, partial.Owned.IsOpenEnded));
        Assert.Equal("at least 1 GW", partial.OwnedText);
        Assert.Equal((800d, 800d, true), (partial.Available!.Low, partial.Available.High, partial.Available.IsOpenEnded));
        Assert.Equal("at least 800 MW", partial.AvailableText);
    }

    [Fact]
    public void A_company_that_only_contracts_in_has_at_least_what_it_contracts_in_even_if_its_own_sites_are_not_tracked()
    {
        var lab = World(CapacityCoverage.NotTracked, lab: CapacityCoverage.NotTracked).Position(Lab, AsOf, rollUp: false);

        // In: at least 1,000 + 300 = 1,300; own sites unknown, so available is at least 1,300.
        Assert.Null(lab.Owned);
        Assert.Equal("at least 1.3 GW", lab.AvailableText);
    }

    [Fact]
    public void A_complete_company_keeps_its_plain_sum()
    {
        var lab = World(CapacityCoverage.NotTracked).Position(Lab, AsOf, rollUp: false);

        // Owns nothing (complete), contracts in at least 1,000 + 300: available 1,300, open at the top.
        Assert.Equal("none", lab.OwnedText);
        Assert.Equal((1300d, true), (lab.Available!.Low, lab.Available.IsOpenEnded));
    }

    [Fact]
    public void The_league_table_puts_unknown_available_capacity_last()
    {
        var positions = World(CapacityCoverage.NotTracked).Positions(AsOf, rollUp: false);

        Assert.Equal(["lab", "partial", "hyper"], positions.Select(p => p.Company.Slug));
    }

    [Theory]
    [InlineData(new[] { CapacityCoverage.Complete, CapacityCoverage.Complete }, CapacityCoverage.Complete)]
    [InlineData(new[] { CapacityCoverage.NotTracked, CapacityCoverage.NotTracked }, CapacityCoverage.NotTracked)]
    [InlineData(new[] { CapacityCoverage.Complete, CapacityCoverage.NotTracked }, CapacityCoverage.Partial)]
    [InlineData(new[] { CapacityCoverage.Partial }, CapacityCoverage.Partial)]
    public void A_group_is_complete_only_when_every_member_is(CapacityCoverage[] members, CapacityCoverage expected) =>
        Assert.Equal(expected, CoverageRule.Combine(members));
}
