using System.Text.Json;
using ComputeDeals.Testing;

namespace ComputeDeals.Web.Tests.Features.DataCenters;

public class DataCenterPagesTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    [Fact]
    public async Task Data_center_page_shows_operator_location_capacity_timeline_and_the_deals_holding_it()
    {
        var page = await app.GetPageAsync("/datacenters/colossus-1");

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("Colossus 1", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("/companies/xai", page.QuerySelector(".cd-lede a")!.GetAttribute("href"));
        Assert.Equal("Memphis, Tennessee, US", page.QuerySelector("[data-location]")!.TextContent);

        var rows = page.QuerySelectorAll("#capacity-table tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Contains("~150 MW", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("~100,000", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("~300 MW", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("at least 300 MW", rows[2].TextContent, StringComparison.Ordinal);
        Assert.All(rows, row => Assert.NotNull(row.QuerySelector("a.cd-source-link")));
        Assert.NotNull(page.QuerySelector("figure.cd-chart svg"));

        var holder = page.QuerySelector(".cd-holders li")!;
        Assert.Equal("/deals/xai-anthropic-colossus-1", holder.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("share: ~300 MW", holder.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_center_page_has_canonical_and_place_json_ld()
    {
        var page = await app.GetPageAsync("/datacenters/colossus-1");

        Assert.Equal("http://localhost/datacenters/colossus-1", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("Colossus 1 · xAI · at least 300 MW · Memphis, Tennessee, US", page.Meta("og:title"));
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("Place", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal("Memphis", json.RootElement.GetProperty("address").GetProperty("addressLocality").GetString());
    }

    [Fact]
    public async Task Data_center_list_filters_by_status_and_sorts_by_power_with_largest_first()
    {
        var planned = await app.GetPageAsync("/datacenters?status=planned");
        var byPower = await app.GetPageAsync("/datacenters?sort=power");

        static string[] Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelector("td a")!.TextContent).ToArray();

        Assert.Equal(["Barber Lake"], Names(planned));
        // 1092, 859, 820, 661, 590, then Colossus 1 (at least 300) and Barber Lake (168).
        Assert.Equal(["Anthropic–Amazon New Carlisle", "Microsoft Fairwater Atlanta", "Meta Prometheus", "Colossus 2", "OpenAI Stargate Abilene", "Colossus 1", "Barber Lake"], Names(byPower));
    }
}
