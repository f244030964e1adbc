using System.Net;
using AngleSharp.Html.Parser;
using ComputeDeals.Testing;

namespace ComputeDeals.Web.Tests.Features.Analytics;

/// <summary>The prerendered /analytics page (what a reader without JavaScript gets) shows the service's numbers.</summary>
public class AnalyticsPageTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private static readonly HtmlParser Parser = new();

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> GetAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_league_table_shows_hand_computed_contracted_mw()
    {
        var page = await GetAsync("/analytics?asOf=2026-06-01");

        Assert.Single(page.QuerySelectorAll("h1"));
        string Cell(string company, string field) =>
            page.QuerySelector($".cd-league tbody tr[data-company='{company}'] [data-field={field}]")!.TextContent.Trim();

        // On 1 June 2026, from the seed deals: xAI sells Colossus 1 to Anthropic (at least 300 MW, from 6 May 2026).
        Assert.Equal("at least 300 MW", Cell("xai", "out"));
        // Anthropic takes in: Colossus (at least 300) + Amazon (up to 5,000, 120 months from 20 April 2026)
        // + Google TPUs (at least 1,000, open term) = [1,300, 6,300] MW, open at the top.
        Assert.Equal("1.3–6.3 GW+", Cell("anthropic", "in"));
        // CoreWeave provides five cloud commitments in force, none with an MW figure: nothing is taken as zero.
        Assert.Equal("undisclosed", Cell("coreweave", "out"));
        Assert.Equal("at least 3×", page.QuerySelector("[data-ratio='xai/coreweave'] strong")!.TextContent);

        // Rolled up, SpaceX (xAI's parent since 1 January 2026) carries the Colossus 1 sale and xAI has no row.
        var rolled = await GetAsync("/analytics?asOf=2026-06-01&rollup=true");
        Assert.Equal("at least 300 MW", rolled.QuerySelector(".cd-league tbody tr[data-company='spacex'] [data-field=out]")!.TextContent.Trim());
        Assert.Null(rolled.QuerySelector(".cd-league tbody tr[data-company='xai']"));
    }

    [Fact]
    public async Task The_why_parameter_opens_the_explanation_with_deals_and_sources()
    {
        var page = await GetAsync("/analytics?asOf=2026-06-01&why=xai:out");

        var panel = page.QuerySelector("#why-xai")!;
        Assert.Contains("Contracted-out MW of xAI", panel.TextContent, StringComparison.Ordinal);
        Assert.NotNull(panel.QuerySelector("a[href='/deals/xai-anthropic-colossus-1']"));
        Assert.True(panel.QuerySelectorAll("a.cd-why-source").Length >= 3);
        Assert.Equal("true", page.QuerySelector("tr[data-company=xai] [data-field=out] button")!.GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task A_bad_date_in_the_link_shows_a_message_instead_of_failing()
    {
        var page = await GetAsync("/analytics?asOf=not-a-date");

        Assert.Contains("is not a date", page.QuerySelector(".mud-alert")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll(".cd-league tbody tr[data-company]"));
    }
}
