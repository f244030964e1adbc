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
        Assert.Equal("true", page.QuerySelector("tr[data-company=xai] [data-field=out] a")!.GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task A_bad_date_in_the_link_shows_a_message_instead_of_failing()
    {
        var page = await GetAsync("/analytics?asOf=not-a-date");

        Assert.Contains("is not a date", page.QuerySelector(".mud-alert")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll(".cd-league tbody tr[data-company]"));
    }

    [Fact]
    public async Task The_settings_are_a_get_form_and_a_submit_without_javascript_lands_on_the_one_parameter_link()
    {
        var page = await GetAsync("/analytics?asOf=2026-06-01&companies=xai,coreweave");

        var form = page.QuerySelector("form#analytics-settings")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("2026-06-01", page.QuerySelector("#cd-asof")!.GetAttribute("value"));
        Assert.Equal(["coreweave", "xai"], page.QuerySelectorAll("#cd-compare option[selected]").Select(o => o.GetAttribute("value")).Order(StringComparer.Ordinal));
        Assert.Equal("analytics-settings", page.QuerySelector("#cd-compare")!.GetAttribute("form"));
        Assert.DoesNotContain("\"type\":\"server\"", page.DocumentElement.OuterHtml, StringComparison.Ordinal);

        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri("/analytics?asOf=2026-06-01&rollup=true&companies=xai&companies=coreweave", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/analytics?asOf=2026-06-01&rollup=true&companies=xai%2Ccoreweave", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Sort_headers_and_why_numbers_are_links_to_the_next_view()
    {
        var page = await GetAsync("/analytics?asOf=2026-06-01");

        var sort = page.QuerySelectorAll(".cd-league thead a.cd-sort").Single(a => a.TextContent.StartsWith("Contracted out", StringComparison.Ordinal));
        Assert.EndsWith("/analytics?asOf=2026-06-01&sort=out&dir=desc", sort.GetAttribute("href"), StringComparison.Ordinal);
        var why = page.QuerySelector("tr[data-company=xai] [data-field=out] a")!;
        Assert.EndsWith("/analytics?asOf=2026-06-01&why=xai%3Aout#why-xai", why.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("false", why.GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task The_valuation_per_mw_chart_draws_what_the_table_says_and_names_what_it_cannot_draw()
    {
        var page = await GetAsync("/analytics?asOf=2026-06-01&companies=xai,coreweave,anthropic,google");

        var chart = page.QuerySelector("figure#valuation-per-mw-chart")!;
        Assert.Equal("valuation-table", chart.GetAttribute("aria-describedby"));
        var caption = chart.QuerySelector("figcaption")!.TextContent;
        Assert.Contains("US dollars per MW", caption, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("#valuation-table tbody tr[data-company]");
        Assert.Equal(4, rows.Length);
        foreach (var row in rows)
        {
            var name = row.QuerySelector("th")!.TextContent.Trim();
            var perMw = row.QuerySelector("[data-field=per-mw]")!.TextContent.Trim();
            var labels = chart.QuerySelectorAll(".cd-chart-bar-label").Select(l => l.TextContent).ToList();
            // Either the table's figure is drawn with the same text, or the caption names the company as not drawn: never a zero bar.
            Assert.True(labels.Contains(perMw) || caption.Contains("Not drawn:", StringComparison.Ordinal) && caption.Contains(name + " (", StringComparison.Ordinal), $"{name}: {perMw} / {caption}");
        }

        Assert.DoesNotContain(chart.QuerySelectorAll(".cd-chart-bar-label"), l => l.TextContent.StartsWith("$0/MW", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Long_tables_show_their_latest_rows_and_link_to_the_rest()
    {
        var page = await GetAsync("/analytics?asOf=2026-06-01");

        var quarters = page.QuerySelectorAll(".cd-quarterly tbody tr td:first-child").Select(td => td.TextContent.Trim()).Distinct().ToList();
        Assert.InRange(quarters.Count, 1, 8);
        Assert.NotNull(page.QuerySelector("[data-quarter-rows] a[href='/api/v1/analytics/quarterly?asOf=2026-06-01']"));
        Assert.NotNull(page.QuerySelector("[data-deal-rows] a[href='/api/v1/analytics/deal-value-per-mw?asOf=2026-06-01']"));
        Assert.NotNull(page.QuerySelector("[data-deal-rows] a[href='/deals?to=2026-06-01&view=table']"));
        Assert.InRange(page.QuerySelectorAll(".cd-deal-values tbody tr[data-deal]").Length, 1, 25);
        // Only the wrapper carries the CSS-isolation attribute, not every cell of the tables.
        Assert.DoesNotContain(page.QuerySelectorAll(".cd-league td"), td => td.Attributes.Any(a => a.Name.StartsWith("b-", StringComparison.Ordinal)));
        Assert.StartsWith("/analytics?", page.QuerySelector(".cd-league .cd-why-button")!.GetAttribute("href"), StringComparison.Ordinal);
    }
}
