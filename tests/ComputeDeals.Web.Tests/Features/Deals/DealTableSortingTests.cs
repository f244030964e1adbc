using Bunit;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Components.Shared;
using ComputeDeals.Web.Features.Deals;
using ComputeDeals.Web.Tests.Infrastructure;

namespace ComputeDeals.Web.Tests.Features.Deals;

public class DealTableSortingTests : MudBunitContext
{
    private static readonly DealSummary[] Rows =
    [
        new("a", "A deal", new DateOnly(2026, 5, 6), DatePrecision.Day, DealType.Investment, DealStatus.Closed, [], Figure.Exact(1e9), ValuePeriod.Total, null, null),
    ];

    [Fact]
    public void Sortable_headers_link_to_the_next_order_and_mark_the_current_one()
    {
        var cut = Render<DealTable>(p => p
            .Add(t => t.Deals, Rows)
            .Add(t => t.Sort, DealSort.Value)
            .Add(t => t.Descending, true)
            .Add(t => t.SortHref, (sort, descending) => TimelineUrl.Href(new DealFilter { Sort = sort, Descending = descending }, TimelineView.Table)));

        var headers = cut.FindAll("thead th");
        var value = headers.Single(h => h.TextContent.Contains("Value", StringComparison.Ordinal));
        var date = headers.Single(h => h.TextContent.Contains("Announced", StringComparison.Ordinal));
        var title = headers.Single(h => h.TextContent.Contains("Deal", StringComparison.Ordinal) && !h.TextContent.Contains("Announced", StringComparison.Ordinal));
        Assert.Equal("descending", value.GetAttribute("aria-sort"));
        Assert.Equal("/deals?sort=value&dir=asc&view=table", value.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("none", date.GetAttribute("aria-sort"));
        Assert.Equal("/deals?view=table", date.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/deals?sort=title&view=table", title.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(headers.Single(h => h.TextContent == "Parties").QuerySelector("a"));
    }

    [Fact]
    public void Without_a_sort_link_the_headers_stay_plain() =>
        Assert.Empty(Render<DealTable>(p => p.Add(t => t.Deals, Rows)).FindAll("thead a"));
}
