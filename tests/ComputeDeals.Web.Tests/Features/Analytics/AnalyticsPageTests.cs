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

        Assert.Equal("'not-a-date' is not a date: use YYYY-MM-DD, such as 2026-06-01; showing today instead.", page.QuerySelector(".mud-alert")!.TextContent.Trim());
        Assert.NotEmpty(page.QuerySelectorAll(".cd-league tbody tr[data-company]"));
    }

    [Fact]
    public async Task A_bad_rollup_flag_in_the_link_is_named_and_subsidiaries_shown_separately()
    {
        var page = await GetAsync("/analytics?asOf=2026-06-01&rollup=maybe");

        // The same message as the API's and the embed's 400 for rollup=maybe.
        Assert.Equal("'maybe' is not a flag: use true or false; showing subsidiaries separately instead.", page.QuerySelector(".mud-alert")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".cd-league tbody tr[data-company='xai']"));
        Assert.Null(page.QuerySelector("#cd-rollup")!.GetAttribute("checked"));
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

    [Theory]
    [MemberData(nameof(ComparedCompaniesCases.Valid), MemberType = typeof(ComparedCompaniesCases))]
    public async Task The_valuation_table_compares_the_companies_the_rule_resolves(string query, string[] slugs)
    {
        var page = await GetAsync("/analytics" + ComparedCompaniesCases.At(query));

        Assert.Null(page.QuerySelector("[data-companies-error]"));
        Assert.Equal(slugs, page.QuerySelectorAll("#valuation-table tbody tr[data-company]").Select(r => r.GetAttribute("data-company")));
        Assert.Equal(slugs.Order(StringComparer.Ordinal), page.QuerySelectorAll("#cd-compare option[selected]").Select(o => o.GetAttribute("value")!).Order(StringComparer.Ordinal));
        Assert.Equal(string.Join(",", slugs), page.QuerySelector("#cd-compare")!.GetAttribute("data-order"));
        // The embed code sizes its frame by the companies compared: 470 px for the first, 105 px for each further one.
        var frame = await ValuationEmbedFrameAsync(page);
        Assert.Equal((470 + (105 * (slugs.Length - 1))).ToString(System.Globalization.CultureInfo.InvariantCulture), frame.GetAttribute("height"));
    }

    [Theory]
    [MemberData(nameof(ComparedCompaniesCases.Invalid), MemberType = typeof(ComparedCompaniesCases))]
    public async Task A_bad_company_list_is_named_on_the_picker_and_the_default_comparison_shown_instead(string query, string message)
    {
        var page = await GetAsync("/analytics" + ComparedCompaniesCases.At(query));

        var alert = page.QuerySelector("[data-companies-error]")!;
        Assert.Equal(message.TrimEnd('.') + "; showing xAI, CoreWeave and Anthropic instead.", alert.TextContent.Trim());
        Assert.Contains("cd-compare-error", page.QuerySelector("#cd-compare")!.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Equal("cd-compare-error", alert.Id);
        Assert.Equal(ComparedCompaniesCases.Default, page.QuerySelectorAll("#valuation-table tbody tr[data-company]").Select(r => r.GetAttribute("data-company")));
        Assert.Equal("http://localhost/embed/charts/valuation-per-mw?asOf=2026-06-01", (await ValuationEmbedFrameAsync(page)).GetAttribute("src"));
        // The rest of the page does not depend on the companies.
        Assert.NotEmpty(page.QuerySelectorAll(".cd-league tbody tr[data-company]"));
    }

    [Fact]
    public async Task A_form_submit_naming_thirteen_companies_lands_on_the_link_with_all_thirteen()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var repeated = string.Join("&", ComparedCompaniesCases.Thirteen.Split(',').Select(s => "companies=" + s));

        var response = await client.GetAsync(new Uri("/analytics?asOf=2026-06-01&" + repeated, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/analytics?asOf=2026-06-01&companies=" + Uri.EscapeDataString(ComparedCompaniesCases.Thirteen), response.Headers.Location!.PathAndQuery);
    }

    private static async Task<AngleSharp.Dom.IElement> ValuationEmbedFrameAsync(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        foreach (var code in page.QuerySelectorAll("details[data-embed-code] textarea[readonly]"))
        {
            var frame = (await Parser.ParseDocumentAsync(code.TextContent)).QuerySelector("iframe")!;
            if (frame.GetAttribute("src")!.Contains("/embed/charts/valuation-per-mw", StringComparison.Ordinal))
            {
                return frame;
            }
        }

        throw new Xunit.Sdk.XunitException("The page offers no valuation-per-MW embed code.");
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
