using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ComputeDeals.Testing;

namespace ComputeDeals.Web.Tests.Features.Deals;

/// <summary>The prerendered HTML of /deals (no circuit): what a first visit or a shared link shows.</summary>
public class DealsPageTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private static readonly HtmlParser Parser = new();

    private async Task<IHtmlDocument> GetAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private static string[] Slugs(IHtmlDocument page) =>
        page.QuerySelectorAll(".cd-wire-title a, .cd-table tbody td:nth-child(2) a")
            .Select(a => a.GetAttribute("href")!.Replace("/deals/", string.Empty, StringComparison.Ordinal)).ToArray();

    [Fact]
    public async Task A_company_filter_prerenders_exactly_that_companys_deals()
    {
        var page = await GetAsync("/deals?company=anthropic");

        Assert.Equal(
            ["xai-anthropic-colossus-1", "google-anthropic-investment-2026", "amazon-anthropic-compute-2026", "google-anthropic-tpu-2025"],
            Slugs(page));
        Assert.Equal("4 deals · 0 with undisclosed value", page.QuerySelector(".cd-count")!.TextContent.Trim());
        Assert.Equal("anthropic", page.QuerySelector("#filter-company option[selected]")!.GetAttribute("value"));
        Assert.Equal("false", page.QuerySelector("[data-interactive]")!.GetAttribute("data-interactive"));
    }

    [Fact]
    public async Task The_unfiltered_timeline_groups_all_deals_by_month_newest_first()
    {
        var page = await GetAsync("/deals");

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal(15, page.QuerySelectorAll("li.cd-wire-item").Length);
        Assert.Equal("15 deals · 2 with undisclosed value", page.QuerySelector(".cd-count")!.TextContent.Trim());
        var months = page.QuerySelectorAll("h3.cd-month-heading").Select(h => h.TextContent).ToArray();
        Assert.Equal(["May 2026", "April 2026"], months[..2]);
        var first = page.QuerySelector("li.cd-wire-item")!;
        Assert.Contains("~$3–15B/year", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("at least 300 MW", first.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_parameters_show_an_inline_message_naming_them_and_are_ignored()
    {
        var page = await GetAsync("/deals?minValue=lots&type=banana&company=anthropic");

        var message = page.QuerySelector(".cd-query-errors")!;
        Assert.Equal(["type", "minValue"], message.QuerySelectorAll("li code").Select(c => c.TextContent));
        Assert.Equal(4, Slugs(page).Length);
    }

    [Fact]
    public async Task A_minimum_value_that_is_not_an_amount_is_flagged_at_its_field_and_kept_for_correction()
    {
        var page = await GetAsync("/deals?minValue=lots");

        var input = page.QuerySelector("#filter-min-value")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("lots", input.GetAttribute("value"));
        var error = page.QuerySelector("#filter-min-value-error")!;
        Assert.Contains("non-negative number", error.TextContent, StringComparison.Ordinal);
        Assert.Contains("filter-min-value-error", input.GetAttribute("aria-describedby")!, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#filter-min-mw")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task The_table_view_sorts_by_value_with_undisclosed_last()
    {
        var page = await GetAsync("/deals?view=table&sort=value");

        var slugs = Slugs(page);
        Assert.Equal("openai-nvidia-loi-2025", slugs[0]);
        Assert.Equal(["spacex-xai-cursor-partnership", "spacex-xai-merger"], slugs[^2..].Order(StringComparer.Ordinal));
        Assert.Contains("Value", page.QuerySelector("th[aria-sort='descending']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_result_names_each_filter_with_a_link_that_removes_it()
    {
        var page = await GetAsync("/deals?company=anthropic&type=chipPurchase");

        var empty = page.QuerySelector(".cd-empty")!;
        Assert.Contains("No deals match", empty.TextContent, StringComparison.Ordinal);
        Assert.Equal(["/deals?type=chipPurchase", "/deals?company=anthropic", "/deals"], empty.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Paging_links_are_plain_links_that_keep_the_filter()
    {
        var page = await GetAsync("/deals?pageSize=5&page=2");

        Assert.Equal(5, Slugs(page).Length);
        Assert.Equal("/deals?pageSize=5", page.QuerySelector(".cd-pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/deals?page=3&pageSize=5", page.QuerySelector(".cd-pager a[rel=next]")!.GetAttribute("href"));
        Assert.Contains("Page 2 of 3", page.QuerySelector(".cd-pager")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Title_canonical_and_open_graph_describe_the_filtered_view()
    {
        var page = await GetAsync("/deals?to=2026-12-31&company=anthropic&from=2026-01-01");

        Assert.Equal("Deals · Anthropic · 2026 · ComputeDeals", page.Title);
        Assert.Equal("Deals · Anthropic · 2026", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal("http://localhost/deals?company=anthropic&from=2026-01-01&to=2026-12-31", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.StartsWith("3 deals · 0 with undisclosed value. Filtered by Anthropic", page.QuerySelector("meta[property='og:description']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Equal("/feeds/deals.atom", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.Equal("/api/v1/deals.csv?company=anthropic&from=2026-01-01&to=2026-12-31", page.QuerySelector("a[download]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_chart_is_in_the_first_html_with_a_table_that_counts_what_the_bars_cannot_show()
    {
        var page = await GetAsync("/deals?company=anthropic");

        Assert.Equal(["quarter-value-chart", "quarter-mw-chart"], page.QuerySelectorAll("figure.cd-chart").Select(f => f.Id));
        Assert.Equal(2, page.QuerySelectorAll("figure.cd-chart svg").Length);
        var rows = page.QuerySelectorAll(".cd-data-table tbody tr");
        // Q4 2025 to Q2 2026, newest first.
        Assert.Equal(["Q2 2026", "Q1 2026", "Q4 2025"], rows.Select(r => r.QuerySelector("th")!.TextContent));
        var q2 = rows[0].QuerySelectorAll("td").Select(td => td.TextContent).ToArray();
        // Up to $40B (floor 0) + $5B, up to $25B; the per-year Colossus value has no known term, so its value over
        // the term is undisclosed. MW: Colossus at least 300 + Amazon up to 5,000; the Google investment carries none.
        Assert.Equal(["3", "$5–65B + 1 undisclosed", "0", "300 MW–5.3 GW+", "1"], q2);
        // Plus Q4 2025: the Google TPU deal, at least $10B and at least 1,000 MW.
        Assert.Equal(
            "Q4 2025 to Q2 2026: 4 announced or closed deals, value over their terms $15–75B+ + 1 undisclosed; capacity 1.3–6.3 GW+ (1 deal without an MW figure).",
            page.QuerySelector(".cd-chart-summary")!.TextContent);
    }

    [Fact]
    public async Task The_page_is_static_html_with_no_server_component_for_a_circuit()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/deals?company=anthropic", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("\"type\":\"server\"", html, StringComparison.Ordinal);
        Assert.Contains("js/instant-filters", html, StringComparison.Ordinal);
        Assert.Contains("public", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_submitted_without_javascript_redirects_to_the_clean_link_of_the_same_view()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/deals?q=&company=anthropic&type=&status=&from=2026-01-01&to=&minValue=5B&minMw=&order=value-asc&view=table", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/deals?company=anthropic&from=2026-01-01&minValue=5000000000&sort=value&dir=asc&view=table", response.Headers.Location!.PathAndQuery);
        var page = await GetAsync(response.Headers.Location!.PathAndQuery);
        Assert.Equal("5B", page.QuerySelector("#filter-min-value")!.GetAttribute("value"));
        Assert.Equal("value-asc", page.QuerySelector("#filter-sort option[selected]")!.GetAttribute("value"));
    }
}
