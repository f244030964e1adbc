using ComputeDeals.Core.Analytics;
using ComputeDeals.Core.Domain;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Deals;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Deals;

/// <summary>
/// The timeline chart sums each deal's precomputed totals per quarter; it must equal Core's
/// <see cref="DealTotals.ByQuarter"/> over the same filtered deals, for any filter, and on any page or sort.
/// </summary>
public class DealChartQueryTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    public static TheoryData<string> Links =>
    [
        "/deals",
        "/deals?page=2&sort=value",
        "/deals?type=cloudCommitment",
        "/deals?status=announced",
        "/deals?company=anthropic",
        "/deals?q=coreweave",
        "/deals?minMw=100",
        "/deals?minValue=1B&from=2025-01-01",
        "/deals?q=no-such-words-anywhere",
    ];

    [Theory]
    [MemberData(nameof(Links))]
    public async Task The_chart_equals_Core_quarterly_totals_over_the_filtered_deals(string link)
    {
        var filter = TimelineUrl.Parse(link).Filter;
        var snapshot = app.Services.GetRequiredService<Web.Features.ReadModel.ReadModel>().Current;
        var expected = DealTotals.ByQuarter(DealListQuery.Matching(snapshot, filter).Select(p => snapshot.Deals[p].Input));

        var chart = await app.Services.GetRequiredService<DealChartQuery>().ByQuarterAsync(filter);
        var again = await app.Services.GetRequiredService<DealChartQuery>().ByQuarterAsync(filter);

        Assert.Equal(expected, chart);
        Assert.Equal(expected, again);
        if (link == "/deals?q=no-such-words-anywhere")
        {
            Assert.Empty(chart);
        }
        else
        {
            Assert.NotEmpty(chart);
            Assert.Equal(CalendarQuarter.Span(chart[0].Quarter, chart[^1].Quarter), chart.Select(q => q.Quarter));
        }
    }
}
