using ComputeDeals.Core.Analytics;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Features.Analytics;

namespace ComputeDeals.Web.Tests.Features.Analytics;

/// <summary>The league table renders the top rows and a "show all" link, not every company (page weight at 100,000 deals).</summary>
public class LeagueRowsTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 1);

    // 60 buyers, buyer i contracting i MW from one seller: the table's default order is buyer 60, 59, ... down.
    private static IReadOnlyList<CapacityPosition> Positions()
    {
        var companies = Enumerable.Range(1, 60).Select(i => new CompanyInput { Id = i, Slug = $"buyer-{i}", Name = $"Buyer {i}" })
            .Append(new CompanyInput { Id = 100, Slug = "seller", Name = "Seller", Coverage = CapacityCoverage.NotTracked })
            .ToList();
        var deals = Enumerable.Range(1, 60).Select(i => new DealInput
        {
            Id = i, Slug = $"lease-{i}", AnnouncedOn = new DateOnly(2026, 1, 1), Capacity = Figure.Exact(i),
            Parties = [new(100, PartyRole.Seller), new(i, PartyRole.Buyer)],
        }).ToList();
        return new AnalyticsCalculator(new AnalyticsData(companies, [], deals, [])).Positions(AsOf, rollUp: false);
    }

    [Fact]
    public void Only_the_top_rows_are_rendered_unless_all_are_asked_for()
    {
        var positions = Positions();
        Assert.Equal(61, positions.Count);

        var top = AnalyticsCharts.LeagueRows(positions, whyKey: null, all: false, top: 50);
        Assert.Equal(50, top.Count);
        Assert.Equal("buyer-60", top[0].Company.Slug);
        Assert.Equal("buyer-11", top[^1].Company.Slug);

        Assert.Equal(61, AnalyticsCharts.LeagueRows(positions, whyKey: null, all: true, top: 50).Count);
    }

    [Fact]
    public void The_row_whose_explanation_is_open_is_kept_even_below_the_top()
    {
        var rows = AnalyticsCharts.LeagueRows(Positions(), whyKey: "seller", all: false, top: 50);

        // The seller's own sites are not tracked: its available capacity is unknown and sorts last (row 61).
        Assert.Equal(51, rows.Count);
        Assert.Equal("seller", rows[^1].Company.Slug);
    }
}
