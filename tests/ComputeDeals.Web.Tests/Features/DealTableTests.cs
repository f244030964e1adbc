using Bunit;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Components.Shared;
using ComputeDeals.Web.Features.Deals;
using ComputeDeals.Web.Tests.Infrastructure;

namespace ComputeDeals.Web.Tests.Features;

public class DealTableTests : MudBunitContext
{
    private static DealSummary Deal(string slug, Figure value, Figure? capacity, ValuePeriod period = ValuePeriod.Total) => new(
        slug, "Title " + slug, new DateOnly(2026, 5, 6), DatePrecision.Day, DealType.CapacitySaleOrLease, DealStatus.Closed,
        [new PartySummary("anthropic", "Anthropic", PartyRole.Buyer), new PartySummary("xai", "xAI", PartyRole.Seller)],
        value, period, capacity, null);

    [Fact]
    public void Figures_render_with_their_qualifiers_and_undisclosed_is_never_zero()
    {
        var cut = Render<DealTable>(p => p.Add(t => t.Deals, new[]
        {
            Deal("a", Figure.UpTo(40e9), Figure.About(300)),
            Deal("b", Figure.Undisclosed(), null),
            Deal("c", Figure.Range(3e9, 15e9), Figure.AtLeast(300), ValuePeriod.PerYear),
        }));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal("up to $40B", rows[0].QuerySelectorAll("td.cd-num")[0].TextContent);
        Assert.Equal("~300 MW", rows[0].QuerySelectorAll("td.cd-num")[1].TextContent);
        Assert.Equal("undisclosed", rows[1].QuerySelectorAll("td.cd-num")[0].TextContent);
        Assert.Equal("—", rows[1].QuerySelectorAll("td.cd-num")[1].TextContent);
        Assert.Equal("~$3–15B/year", rows[2].QuerySelectorAll("td.cd-num")[0].TextContent);
    }

    [Fact]
    public void Parties_read_seller_to_buyer_and_link_to_company_pages()
    {
        var cut = Render<DealTable>(p => p.Add(t => t.Deals, new[] { Deal("a", Figure.Exact(1e9), null) }));

        var links = cut.FindAll("td .cd-parties a");
        Assert.Equal(["/companies/xai", "/companies/anthropic"], links.Select(a => a.GetAttribute("href")));
        Assert.Contains("→", cut.Find(".cd-parties").TextContent, StringComparison.Ordinal);
    }
}
