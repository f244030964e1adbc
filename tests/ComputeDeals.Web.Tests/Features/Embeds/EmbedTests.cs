using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using ComputeDeals.Testing;
using ComputeDeals.Web.Tests.Features.Analytics;

namespace ComputeDeals.Web.Tests.Features.Embeds;

public class EmbedTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    public static TheoryData<string, string> Embeds => new()
    {
        { "/embed/deals/xai-anthropic-colossus-1", "http://localhost/deals/xai-anthropic-colossus-1" },
        { "/embed/companies/anthropic", "http://localhost/companies/anthropic" },
        { "/embed/datacenters/colossus-1", "http://localhost/datacenters/colossus-1" },
        { "/embed/charts/deals-by-quarter?company=anthropic", "http://localhost/deals?company=anthropic" },
        { "/embed/charts/valuations?company=xai", "http://localhost/companies/xai" },
        { "/embed/charts/capacity?datacenter=colossus-1", "http://localhost/datacenters/colossus-1" },
        { "/embed/charts/capacity-by-company?asOf=2026-06-01", "http://localhost/analytics?asOf=2026-06-01#chart" },
        { "/embed/charts/deal-value-per-mw", "http://localhost/analytics#deal-value" },
        { "/embed/charts/valuation-per-mw?asOf=2026-06-01", "http://localhost/analytics?asOf=2026-06-01#valuations" },
        { "/embed/charts/valuation-per-mw?companies=xai,anthropic&rollup=true", "http://localhost/analytics?rollup=true&companies=xai,anthropic#valuations" },
    };

    private async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetAsync(string url)
    {
        var response = await app.NoRedirects().GetAsync(new Uri(url, UriKind.Relative));
        return (response, await PageClient.ParseAsync(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [MemberData(nameof(Embeds))]
    public async Task An_embed_is_a_minimal_page_with_licence_sources_and_a_link_back_and_no_app_chrome_or_circuit(string url, string page)
    {
        var (response, html) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(html.QuerySelector("body.cd-embed"));
        // No app bar, navigation, search or footer of the site, and no script at all: nothing can open a circuit.
        Assert.Empty(html.QuerySelectorAll(".cd-appbar, nav, form, .cd-footer, .cd-skip-link"));
        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.DoesNotContain("blazor.web.js", html.Source.Text, StringComparison.Ordinal);
        Assert.Equal(page, html.QuerySelector("a.cd-embed-back")?.GetAttribute("href"));
        Assert.Equal(page, html.QuerySelector("link[rel='canonical']")?.GetAttribute("href"));
        Assert.Contains("CC BY 4.0", html.QuerySelector(".cd-embed-licence")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Sources", html.QuerySelector(".cd-embed-sources")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Embeds))]
    public async Task Only_embeds_may_be_framed_by_other_sites(string url, string page)
    {
        var client = app.NoRedirects();
        var embed = await client.GetAsync(new Uri(url, UriKind.Relative));
        var original = await client.GetAsync(new Uri(new Uri(page, UriKind.Absolute).PathAndQuery, UriKind.Relative));

        Assert.Contains("frame-ancestors *", Csp(embed), StringComparison.Ordinal);
        Assert.DoesNotContain("frame-ancestors 'none'", Csp(embed), StringComparison.Ordinal);
        Assert.False(embed.Headers.Contains("X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Csp(original), StringComparison.Ordinal);
        Assert.Equal("DENY", original.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_quarter_embed_names_its_charts_once_and_its_code_asks_for_a_height_that_fits_them()
    {
        var (_, html) = await GetAsync("/embed/charts/deals-by-quarter");

        var headings = html.QuerySelectorAll("h1, h2, h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Deal value and capacity per quarter"], headings);
        Assert.Equal(2, html.QuerySelectorAll("figure.cd-chart").Length);
        Assert.Null(html.QuerySelector("section.cd-quarter-charts")!.GetAttribute("aria-labelledby"));

        // The timeline keeps its own heading above the same charts.
        var timeline = await PageClient.GetPageAsync(app, "/deals");
        Assert.Equal("Value and capacity per quarter", timeline.QuerySelector("section.cd-quarter-charts h2")!.TextContent);

        Assert.Equal(ComputeDeals.Web.Features.Embeds.EmbedSnippet.QuarterChartsHeight, ComputeDeals.Web.Features.Embeds.EmbedSnippet.HeightFor("/embed/charts/deals-by-quarter?company=xai"));
    }

    [Fact]
    public async Task The_deal_card_shows_qualified_figures_and_the_deals_own_sources()
    {
        var (_, html) = await GetAsync("/embed/deals/xai-anthropic-colossus-1");

        var figures = html.QuerySelector(".cd-embed-figures")!.TextContent;
        Assert.Contains("~$3–15B/year", figures, StringComparison.Ordinal);
        Assert.Contains("at least 300 MW", figures, StringComparison.Ordinal);
        Assert.NotEmpty(html.QuerySelectorAll(".cd-embed-sources a[href^='https://']"));
    }

    [Fact]
    public async Task The_company_card_shows_the_capacity_position_and_latest_deals()
    {
        var (_, html) = await GetAsync("/embed/companies/xai");

        var position = html.QuerySelector(".cd-embed-table")!.TextContent;
        Assert.Contains("Contracted out", position, StringComparison.Ordinal);
        Assert.Contains("300 MW", position, StringComparison.Ordinal);
        var deals = html.QuerySelectorAll(".cd-embed-deals a").Select(a => a.GetAttribute("href")).ToList();
        Assert.InRange(deals.Count, 1, 5);
        Assert.Contains("http://localhost/deals/xai-anthropic-colossus-1", deals);
    }

    [Theory]
    [InlineData("/embed/deals/xai-anthropic-colossus-1?theme=dark", true)]
    [InlineData("/embed/deals/xai-anthropic-colossus-1?theme=light", false)]
    [InlineData("/embed/charts/deals-by-quarter?theme=dark", true)]
    public async Task The_theme_parameter_picks_light_or_dark(string url, bool dark)
    {
        var (_, html) = await GetAsync(url);

        Assert.Equal(dark, html.DocumentElement.ClassList.Contains("cd-embed-dark"));
        Assert.Equal(!dark, html.DocumentElement.ClassList.Contains("cd-embed-light"));
    }

    [Theory]
    [InlineData("/embed/deals/no-such-deal")]
    [InlineData("/embed/companies/no-such-company")]
    [InlineData("/embed/datacenters/no-such-place")]
    [InlineData("/embed/charts/no-such-chart")]
    [InlineData("/embed/charts/valuations?company=nobody")]
    public async Task Unknown_embeds_answer_404(string url)
    {
        var (response, html) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(html.QuerySelector("body.cd-embed"));
    }

    [Fact]
    public async Task Every_chart_on_analytics_has_an_embed_button_and_its_embed_draws_the_same_numbers()
    {
        var page = await app.GetPageAsync("/analytics?asOf=2026-06-01");

        // Each chart of the page is followed by its own Embed code, pointing at /embed/charts/{the chart's name}.
        var charts = page.QuerySelectorAll("figure[data-chart]").Select(f => f.GetAttribute("data-chart")!).ToList();
        Assert.Equal(["capacity-by-company", "valuation-per-mw", "deal-value-per-mw"], charts);
        var codes = new List<string>();
        foreach (var textarea in page.QuerySelectorAll("details[data-embed-code] textarea"))
        {
            codes.Add((await PageClient.ParseAsync(textarea.TextContent)).QuerySelector("iframe")!.GetAttribute("src")!);
        }

        Assert.Equal(charts.Select(c => $"http://localhost/embed/charts/{c}?asOf=2026-06-01"), codes);

        // The embed draws the same chart and writes out the same available MW as the league table for each company it lists.
        foreach (var code in codes)
        {
            var (response, embed) = await GetAsync(new Uri(code).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(embed.QuerySelector($"figure[data-chart='{new Uri(code).AbsolutePath.Split('/')[^1]}'] svg"));
            Assert.NotEmpty(embed.QuerySelectorAll("#embed-chart-values tbody tr"));
        }

        var (_, capacity) = await GetAsync("/embed/charts/capacity-by-company?asOf=2026-06-01");
        var rows = capacity.QuerySelectorAll("#embed-chart-values tbody tr[data-company]");
        Assert.InRange(rows.Length, 1, 10);
        foreach (var row in rows)
        {
            var slug = row.GetAttribute("data-company");
            var league = page.QuerySelector($".cd-league tr[data-company='{slug}'] td[data-field='available']")!.TextContent.Trim();
            Assert.Equal(league, row.QuerySelector("td[data-field='available']")!.TextContent.Trim());
        }

        var (_, values) = await GetAsync("/embed/charts/deal-value-per-mw?asOf=2026-06-01");
        foreach (var row in values.QuerySelectorAll("#embed-chart-values tbody tr[data-deal]"))
        {
            var onPage = page.QuerySelector($".cd-deal-values tr[data-deal='{row.GetAttribute("data-deal")}'] td[data-field='per-mw-year']")!.TextContent.Trim();
            Assert.Equal(onPage, row.QuerySelectorAll("td")[^1].TextContent.Trim());
        }

        AssertValuationsMatch(page, (await GetAsync("/embed/charts/valuation-per-mw?asOf=2026-06-01")).Page, ["xai", "coreweave", "anthropic"]);
    }

    [Fact]
    public async Task The_valuation_embed_keeps_the_companies_picked_on_analytics_and_writes_the_same_numbers()
    {
        var page = await app.GetPageAsync("/analytics?asOf=2026-06-01&companies=anthropic,xai");

        var chart = page.QuerySelector("figure[data-chart='valuation-per-mw']")!;
        var code = page.QuerySelectorAll("details[data-embed-code] textarea")
            .Select(t => t.TextContent).Single(t => t.Contains("valuation-per-mw", StringComparison.Ordinal));
        var src = (await PageClient.ParseAsync(code)).QuerySelector("iframe")!.GetAttribute("src")!;
        Assert.Equal("http://localhost/embed/charts/valuation-per-mw?asOf=2026-06-01&companies=anthropic,xai", src);

        var (response, embed) = await GetAsync(new Uri(src).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(embed.QuerySelector("figure[data-chart='valuation-per-mw'] svg"));
        Assert.Equal("http://localhost/analytics?asOf=2026-06-01&companies=anthropic,xai#valuations", embed.QuerySelector("a.cd-embed-back")?.GetAttribute("href"));
        Assert.EndsWith("The table below is the text version.", embed.QuerySelector("figure[data-chart='valuation-per-mw'] figcaption")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("The valuation table above is the text version.", page.QuerySelector("figure[data-chart='valuation-per-mw'] figcaption")!.TextContent.Trim(), StringComparison.Ordinal);
        AssertValuationsMatch(page, embed, ["anthropic", "xai"]);
    }

    /// <summary>The embed's table lists the compared companies, each with the valuation, available MW and valuation per MW of the page's valuation table.</summary>
    private static void AssertValuationsMatch(IHtmlDocument page, IHtmlDocument embed, string[] companies)
    {
        var rows = embed.QuerySelectorAll("#embed-chart-values tbody tr[data-company]");
        Assert.Equal(companies, rows.Select(r => r.GetAttribute("data-company")));
        foreach (var row in rows)
        {
            var onPage = page.QuerySelector($".cd-valuations tr[data-company='{row.GetAttribute("data-company")}']")!;
            foreach (var field in new[] { "valuation", "per-mw" })
            {
                Assert.Equal(onPage.QuerySelector($"td[data-field='{field}']")!.TextContent.Trim(), row.QuerySelector($"td[data-field='{field}']")!.TextContent.Trim());
            }

            Assert.Contains(row.QuerySelector("td[data-field='available']")!.TextContent.Trim(), onPage.QuerySelector("td[data-field='available']")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/embed/charts/capacity-by-company?asOf=June")]
    [InlineData("/embed/charts/deal-value-per-mw?rollup=maybe")]
    [InlineData("/embed/charts/valuation-per-mw?asOf=2026-13-01")]
    [InlineData("/embed/charts/valuation-per-mw?rollup=maybe")]
    [InlineData("/embed/charts/valuation-per-mw?companies=")]
    public async Task A_bad_analytics_chart_date_or_flag_answers_400_problem_details(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(ComparedCompaniesCases.Valid), MemberType = typeof(ComparedCompaniesCases))]
    public async Task The_valuation_embed_compares_the_companies_the_rule_resolves(string query, string[] slugs)
    {
        var (response, html) = await GetAsync("/embed/charts/valuation-per-mw" + ComparedCompaniesCases.At(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(slugs, html.QuerySelectorAll("#embed-chart-values tbody tr[data-company]").Select(r => r.GetAttribute("data-company")));
        var back = "http://localhost/analytics?asOf=2026-06-01" + (query.Length == 0 ? string.Empty : "&companies=" + string.Join(",", slugs)) + "#valuations";
        Assert.Equal(back, html.QuerySelector("a.cd-embed-back")?.GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(ComparedCompaniesCases.Invalid), MemberType = typeof(ComparedCompaniesCases))]
    public async Task The_valuation_embed_of_a_bad_company_list_answers_400_with_the_rules_message(string query, string message)
    {
        var response = await app.CreateClient().GetAsync(new Uri("/embed/charts/valuation-per-mw" + ComparedCompaniesCases.At(query), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([message], problem.RootElement.GetProperty("errors").GetProperty("companies").EnumerateArray().Select(m => m.GetString()));
    }

    [Theory]
    [MemberData(nameof(ComparedCompaniesCases.Valid), MemberType = typeof(ComparedCompaniesCases))]
    public async Task Oembed_of_valuations_embeds_the_companies_the_rule_resolves_in_a_frame_as_tall_as_they_need(string query, string[] slugs)
    {
        var url = "http://localhost/analytics" + ComparedCompaniesCases.At(query) + "#valuations";
        var response = await app.CreateClient().GetAsync(new Uri($"/oembed?format=json&url={Uri.EscapeDataString(url)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var iframe = (await PageClient.ParseAsync(json.RootElement.GetProperty("html").GetString()!)).QuerySelector("iframe")!;
        var embed = "http://localhost/embed/charts/valuation-per-mw?asOf=2026-06-01" + (query.Length == 0 ? string.Empty : "&companies=" + string.Join(",", slugs));
        Assert.Equal(embed, iframe.GetAttribute("src"));
        // 470 px for the first company and 105 px for each further one (EmbedSnippet), counted after the rule.
        var height = 470 + (105 * (slugs.Length - 1));
        Assert.Equal(height, json.RootElement.GetProperty("height").GetInt32());
        Assert.Equal(height.ToString(System.Globalization.CultureInfo.InvariantCulture), iframe.GetAttribute("height"));
    }

    [Theory]
    [MemberData(nameof(ComparedCompaniesCases.Invalid), MemberType = typeof(ComparedCompaniesCases))]
    public async Task Oembed_of_an_analytics_url_with_a_bad_company_list_answers_404_like_any_url_without_an_embed(string query, string message)
    {
        Assert.NotEmpty(message);
        foreach (var fragment in new[] { "#valuations", string.Empty, "#deal-value" })
        {
            var url = "http://localhost/analytics" + ComparedCompaniesCases.At(query) + fragment;
            var response = await app.CreateClient().GetAsync(new Uri($"/oembed?format=json&url={Uri.EscapeDataString(url)}", UriKind.Relative));

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_bad_chart_filter_answers_400_problem_details()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/embed/charts/deals-by-quarter?minValue=lots", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/deals/xai-anthropic-colossus-1", "/embed/deals/xai-anthropic-colossus-1")]
    [InlineData("/companies/anthropic", "/embed/companies/anthropic")]
    [InlineData("/datacenters/colossus-1", "/embed/datacenters/colossus-1")]
    [InlineData("/deals?company=xai", "/embed/charts/deals-by-quarter?company=xai")]
    [InlineData("/analytics", "/embed/charts/capacity-by-company")]
    [InlineData("/analytics?asOf=2026-06-01&rollup=true", "/embed/charts/capacity-by-company?asOf=2026-06-01&rollup=true")]
    public async Task Pages_advertise_oembed_and_offer_copyable_iframe_code(string url, string embed)
    {
        var page = await app.GetPageAsync(url);

        var discovery = page.Head!.QuerySelector("link[rel='alternate'][type='application/json+oembed']");
        Assert.NotNull(discovery);
        Assert.Equal("/oembed?format=json&url=" + Uri.EscapeDataString("http://localhost" + url), discovery.GetAttribute("href"));
        var code = page.QuerySelector("details[data-embed-code] textarea[readonly]");
        Assert.NotNull(code);
        var iframe = (await PageClient.ParseAsync(code.TextContent)).QuerySelector("iframe");
        Assert.Equal("http://localhost" + embed, iframe?.GetAttribute("src"));
    }

    [Theory]
    [InlineData("http://localhost/deals/xai-anthropic-colossus-1", "http://localhost/embed/deals/xai-anthropic-colossus-1", "xAI sells all Colossus 1 compute to Anthropic")]
    [InlineData("http://localhost/companies/anthropic", "http://localhost/embed/companies/anthropic", "Anthropic")]
    [InlineData("http://localhost/datacenters/colossus-1", "http://localhost/embed/datacenters/colossus-1", "Colossus 1")]
    [InlineData("http://localhost/deals?type=investment", "http://localhost/embed/charts/deals-by-quarter?type=investment", null)]
    [InlineData("http://localhost/analytics?asOf=2026-06-01", "http://localhost/embed/charts/capacity-by-company?asOf=2026-06-01", "Owned and contracted MW by company · 1 June 2026")]
    [InlineData("http://localhost/analytics?asOf=2026-06-01#deal-value", "http://localhost/embed/charts/deal-value-per-mw?asOf=2026-06-01", "Deal value per MW per year · 1 June 2026")]
    [InlineData("http://localhost/analytics?asOf=2026-06-01#valuations", "http://localhost/embed/charts/valuation-per-mw?asOf=2026-06-01", "Valuation per available MW · 1 June 2026")]
    [InlineData("http://localhost/analytics?asOf=2026-06-01&rollup=true&companies=anthropic,xai#valuations", "http://localhost/embed/charts/valuation-per-mw?asOf=2026-06-01&rollup=true&companies=anthropic,xai", "Valuation per available MW · 1 June 2026 · subsidiaries rolled up")]
    public async Task Oembed_answers_a_rich_response_for_known_urls(string url, string embed, string? title)
    {
        var response = await app.CreateClient().GetAsync(new Uri($"/oembed?format=json&maxwidth=400&url={Uri.EscapeDataString(url)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("1.0", root.GetProperty("version").GetString());
        Assert.Equal("rich", root.GetProperty("type").GetString());
        Assert.Equal("ComputeDeals", root.GetProperty("provider_name").GetString());
        Assert.Equal(400, root.GetProperty("width").GetInt32());
        Assert.True(root.GetProperty("height").GetInt32() > 0);
        if (title is not null)
        {
            Assert.Equal(title, root.GetProperty("title").GetString());
        }

        var iframe = (await PageClient.ParseAsync(root.GetProperty("html").GetString()!)).QuerySelector("iframe")!;
        Assert.Equal(embed, iframe.GetAttribute("src"));
        Assert.Equal("400", iframe.GetAttribute("width"));
        Assert.Equal(root.GetProperty("height").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), iframe.GetAttribute("height"));
    }

    [Theory]
    [InlineData("http://localhost/deals/no-such-deal")]
    [InlineData("http://localhost/companies/nobody")]
    [InlineData("http://localhost/search?q=xai")]
    [InlineData("http://elsewhere.example/deals/xai-anthropic-colossus-1")]
    [InlineData("http://localhost/analytics?asOf=June#valuations")]
    [InlineData("http://localhost/analytics?rollup=maybe")]
    public async Task Oembed_answers_404_for_urls_it_does_not_know(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri($"/oembed?url={Uri.EscapeDataString(url)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Oembed_answers_501_for_xml_and_400_without_a_url()
    {
        var client = app.CreateClient();
        var url = Uri.EscapeDataString("http://localhost/deals/xai-anthropic-colossus-1");

        Assert.Equal(HttpStatusCode.NotImplemented, (await client.GetAsync(new Uri($"/oembed?format=xml&url={url}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri("/oembed?format=json", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri($"/oembed?maxwidth=wide&url={url}", UriKind.Relative))).StatusCode);
    }

    private static string Csp(HttpResponseMessage response) => response.Headers.GetValues("Content-Security-Policy").Single();
}
