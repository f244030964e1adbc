using System.Net;
using AngleSharp.Html.Parser;
using ComputeDeals.Testing;

namespace ComputeDeals.Web.Tests.Features;

public class ListPagesTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private static readonly HtmlParser Parser = new();

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> GetAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Deal_list_shows_the_seeded_deals_with_qualified_figures()
    {
        var page = await GetAsync("/deals?view=table");

        Assert.Single(page.QuerySelectorAll("h1"));
        var rows = page.QuerySelectorAll(".cd-table tbody tr");
        Assert.Equal(15, rows.Length);
        var colossus = rows.Single(r => r.TextContent.Contains("Colossus 1", StringComparison.Ordinal));
        Assert.Contains("at least 300 MW", colossus.TextContent, StringComparison.Ordinal);
        Assert.Contains("~$3–15B/year", colossus.TextContent, StringComparison.Ordinal);
        Assert.Contains("15 deals · 2 with undisclosed value", page.QuerySelector(".cd-count")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/datacenters?q=abilene", "1 data center matches the filters")]
    [InlineData("/datacenters?q=colossus", "2 data centers match the filters")]
    [InlineData("/companies?q=cipher", "1 company matches the filters")]
    [InlineData("/deals?q=colossus+1&view=table", "1 deal · 0 with undisclosed value")]
    public async Task A_count_line_agrees_with_its_number(string url, string expected)
    {
        var page = await GetAsync(url);

        Assert.StartsWith(expected, page.QuerySelector(".cd-count")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Company_list_shows_every_seeded_company_with_its_parent()
    {
        var page = await GetAsync("/companies");

        var rows = page.QuerySelectorAll("table tbody tr");
        Assert.True(rows.Length >= 14);
        var xai = rows.Single(r => r.QuerySelector("td a")!.TextContent == "xAI");
        Assert.Contains("SpaceX", xai.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_center_list_shows_current_capacity_and_marks_estimates()
    {
        var page = await GetAsync("/datacenters");

        var rows = page.QuerySelectorAll("table tbody tr");
        Assert.True(rows.Length >= 7);
        var colossus2 = rows.Single(r => r.TextContent.Contains("Colossus 2", StringComparison.Ordinal));
        Assert.Contains("661 MW (estimated)", colossus2.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_lists_the_latest_deals_newest_first()
    {
        var page = await GetAsync("/");

        var first = page.QuerySelector("table tbody tr")!;
        Assert.Contains("Colossus 1", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("6 May 2026", first.TextContent, StringComparison.Ordinal);
    }
}
