using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ComputeDeals.Testing;

namespace ComputeDeals.Web.Tests.Api;

public class DealsApiTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<List<Dictionary<string, string>>> GetCsvAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Rfc4180Reader.ParseWithHeader(await response.Content.ReadAsStringAsync(), out _);
    }

    private static List<string> Slugs(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!).ToList();

    [Fact]
    public async Task Json_and_csv_list_the_same_deals_in_the_same_order_for_a_company()
    {
        var json = await GetJsonAsync("/api/v1/deals?company=anthropic&pageSize=500");
        var csv = await GetCsvAsync("/api/v1/deals.csv?company=anthropic");
        // The seed's four deals naming Anthropic in any role, newest announcement first (SEED-FACTS dates).
        List<string> service = ["xai-anthropic-colossus-1", "google-anthropic-investment-2026", "amazon-anthropic-compute-2026", "google-anthropic-tpu-2025"];

        var jsonSlugs = Slugs(json);
        Assert.Contains("xai-anthropic-colossus-1", jsonSlugs);
        Assert.Contains("amazon-anthropic-compute-2026", jsonSlugs);
        Assert.Equal(service, jsonSlugs);
        Assert.Equal(service, csv.Select(r => r["slug"]).ToList());
        Assert.Equal(service.Count, json.GetProperty("total").GetInt32());
        Assert.All(json.GetProperty("items").EnumerateArray(), item =>
            Assert.Contains(item.GetProperty("parties").EnumerateArray(), p => p.GetProperty("slug").GetString() == "anthropic"));

        // The figures agree cell for cell.
        foreach (var (item, row) in json.GetProperty("items").EnumerateArray().Zip(csv))
        {
            var value = item.GetProperty("value");
            Assert.Equal(Number(value.GetProperty("low")), row["value_low"]);
            Assert.Equal(Number(value.GetProperty("high")), row["value_high"]);
            Assert.Equal(value.GetProperty("qualifier").GetString(), row["value_qualifier"]);
            Assert.Equal(value.GetProperty("text").GetString(), row["value_text"]);
            Assert.Equal(item.GetProperty("title").GetString(), row["title"]);
            Assert.Equal(item.GetProperty("permalink").GetString(), row["permalink"]);
        }
    }

    [Fact]
    public async Task The_deals_page_the_json_and_the_csv_show_the_same_deals()
    {
        var html = await app.CreateClient().GetStringAsync(new Uri("/deals", UriKind.Relative));
        var page = await new HtmlParser().ParseDocumentAsync(html);
        // Every link to a deal permalink on the page, whether the page lays deals out as a table or a timeline.
        var pageSlugs = page.QuerySelectorAll("a[href^='/deals/']")
            .Select(a => a.GetAttribute("href")!["/deals/".Length..])
            .Where(slug => slug.Length > 0 && !slug.Contains('?', StringComparison.Ordinal) && !slug.Contains('/', StringComparison.Ordinal))
            .Distinct()
            .ToList();

        var json = Slugs(await GetJsonAsync("/api/v1/deals?pageSize=500"));
        var csv = (await GetCsvAsync("/api/v1/deals.csv")).Select(r => r["slug"]).ToList();

        Assert.NotEmpty(pageSlugs);
        Assert.Equal(pageSlugs.Order(StringComparer.Ordinal), json.Order(StringComparer.Ordinal));
        Assert.Equal(json, csv);
    }

    [Fact]
    public async Task A_deal_row_flattens_its_parties_and_splits_figures_into_columns()
    {
        var rows = await GetCsvAsync("/api/v1/deals.csv?q=colossus%201");

        var colossus = rows.Single(r => r["slug"] == "xai-anthropic-colossus-1");
        Assert.Equal("xAI sells all Colossus 1 compute to Anthropic", colossus["title"]);
        Assert.Equal("2026-05-06", colossus["announced_on"]);
        Assert.Equal("capacitySaleOrLease", colossus["type"]);
        Assert.Equal("3000000000", colossus["value_low"]);
        Assert.Equal("15000000000", colossus["value_high"]);
        Assert.Equal("approximately", colossus["value_qualifier"]);
        Assert.Equal("perYear", colossus["value_period"]);
        Assert.Equal("~$3–15B/year", colossus["value_text"]);
        Assert.Equal("300", colossus["capacity_low"]);
        Assert.Equal(string.Empty, colossus["capacity_high"]);
        Assert.Equal("atLeast", colossus["capacity_qualifier"]);
        Assert.Equal("http://localhost/deals/xai-anthropic-colossus-1", colossus["permalink"]);
        var parties = colossus["parties"].Split("; ");
        Assert.Equal(["anthropic:buyer", "xai:seller"], parties.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("", 15)]
    [InlineData("?sort=value&dir=asc", 15)]
    [InlineData("?sort=title&type=cloudCommitment", 8)]
    public async Task Following_next_links_returns_every_matching_row_exactly_once(string query, int seedCount)
    {
        var separator = query.Length == 0 ? "?" : "&";
        // The unpaged list (one page of up to 500) is the reference; its size is counted by hand in the seed.
        var expected = Slugs(await GetJsonAsync($"/api/v1/deals{query}{separator}pageSize=500"));
        Assert.Equal(seedCount, expected.Count);
        var url = $"/api/v1/deals{query}{separator}pageSize=4";
        var seen = new List<string>();
        var pages = 0;
        while (url is not null)
        {
            var page = await GetJsonAsync(url);
            seen.AddRange(Slugs(page));
            Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
            Assert.Equal(++pages, page.GetProperty("page").GetInt32());
            var next = page.GetProperty("links").GetProperty("next");
            url = next.ValueKind == JsonValueKind.Null ? null : new Uri(next.GetString()!).PathAndQuery;
            Assert.True(pages <= 20, "paging did not end");
        }

        Assert.Equal(expected, seen);
        Assert.Equal((int)Math.Ceiling(expected.Count / 4.0), pages);
    }

    [Fact]
    public async Task A_page_past_the_end_has_no_rows_and_links_back()
    {
        var page = await GetJsonAsync("/api/v1/deals?page=99&pageSize=10");

        Assert.Empty(page.GetProperty("items").EnumerateArray());
        Assert.Equal(99, page.GetProperty("page").GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("links").GetProperty("next").ValueKind);
        Assert.Equal("http://localhost/api/v1/deals?page=2&pageSize=10", page.GetProperty("links").GetProperty("prev").GetString());
    }

    [Fact]
    public async Task List_links_carry_the_filters_to_the_next_page_and_the_html_page()
    {
        var page = await GetJsonAsync("/api/v1/deals?company=anthropic&pageSize=2");

        var links = page.GetProperty("links");
        Assert.Equal("http://localhost/api/v1/deals?company=anthropic&pageSize=2", links.GetProperty("self").GetString());
        Assert.Equal("http://localhost/api/v1/deals?company=anthropic&page=2&pageSize=2", links.GetProperty("next").GetString());
        Assert.Equal(JsonValueKind.Null, links.GetProperty("prev").ValueKind);
        Assert.Equal("http://localhost/deals?company=anthropic&pageSize=2", links.GetProperty("html").GetString());
    }

    [Theory]
    [InlineData("/api/v1/deals?type=merger", "type", "capacitySaleOrLease")]
    [InlineData("/api/v1/deals?from=2026-13-01", "from", "use YYYY-MM-DD")]
    [InlineData("/api/v1/deals?minValue=lots", "minValue", "US dollars")]
    [InlineData("/api/v1/deals?pageSize=0", "pageSize", "1 to 500")]
    [InlineData("/api/v1/deals?sort=size", "sort", "date, value, mw, title")]
    [InlineData("/api/v1/deals?company=Not%20a%20slug", "company", "slug")]
    [InlineData("/api/v1/deals.csv?status=done", "status", "rumored, announced, closed, cancelled")]
    [InlineData("/api/v1/companies?kind=bank", "kind", "aiLab")]
    [InlineData("/api/v1/companies.csv?kind=bank", "kind", "aiLab")]
    [InlineData("/api/v1/datacenters?status=open", "status", "underConstruction")]
    [InlineData("/api/v1/datacenters.csv?operator=X%20AI", "operator", "slug")]
    [InlineData("/api/v1/valuations?company=%21", "company", "slug")]
    public async Task A_bad_parameter_gives_400_problem_details_naming_it_and_what_it_accepts(string url, string parameter, string accepts)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(parameter, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var messages = problem.RootElement.GetProperty("errors").GetProperty(parameter);
        Assert.Contains(accepts, messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_bad_parameters_are_all_reported_at_once()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/api/v1/deals?type=x&status=y&dir=up", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["dir", "status", "type"], names);
    }

    [Theory]
    [InlineData("/api/v1/deals/no-such-deal", "deal")]
    [InlineData("/api/v1/companies/no-such-company", "company")]
    [InlineData("/api/v1/datacenters/no-such-site", "data center")]
    public async Task An_unknown_slug_gives_404_problem_details(string url, string what)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains($"No published {what} has the slug", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_route_gives_a_404_problem_not_the_html_page()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/deals/xai-anthropic-colossus-1")]
    [InlineData("/api/v1/deals?company=xai")]
    [InlineData("/api/v1/companies")]
    [InlineData("/api/v1/datacenters/colossus-1")]
    public async Task A_repeated_request_with_the_etag_gets_304_not_modified(string url)
    {
        var client = app.CreateClient();
        var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal(TimeSpan.FromSeconds(60), first.Headers.CacheControl?.MaxAge);
        Assert.True(first.Headers.CacheControl?.Public);

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task A_deal_has_its_parties_data_centers_figures_with_sources_and_permalink()
    {
        var deal = await GetJsonAsync("/api/v1/deals/xai-anthropic-colossus-1");

        Assert.Equal("closed", deal.GetProperty("status").GetString());
        Assert.Equal("capacitySaleOrLease", deal.GetProperty("type").GetString());
        Assert.Equal("2026-05-06", deal.GetProperty("announcedOn").GetString());
        Assert.Equal("http://localhost/deals/xai-anthropic-colossus-1", deal.GetProperty("permalink").GetString());
        var parties = deal.GetProperty("parties").EnumerateArray()
            .ToDictionary(p => p.GetProperty("slug").GetString()!, p => p.GetProperty("role").GetString());
        Assert.Equal("seller", parties["xai"]);
        Assert.Equal("buyer", parties["anthropic"]);
        Assert.Equal(
            "http://localhost/companies/xai",
            deal.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "xai").GetProperty("permalink").GetString());

        var value = deal.GetProperty("value");
        Assert.Equal(3e9, value.GetProperty("low").GetDouble());
        Assert.Equal(15e9, value.GetProperty("high").GetDouble());
        Assert.Equal("approximately", value.GetProperty("qualifier").GetString());
        Assert.Equal("reported", value.GetProperty("basis").GetString());
        Assert.Equal("~$3–15B/year", value.GetProperty("text").GetString());
        Assert.StartsWith("reports differ", value.GetProperty("note").GetString(), StringComparison.Ordinal);
        var capacity = deal.GetProperty("capacity");
        Assert.Equal(300, capacity.GetProperty("low").GetDouble());
        Assert.Equal(JsonValueKind.Null, capacity.GetProperty("high").ValueKind);
        Assert.Equal("at least 300 MW", capacity.GetProperty("text").GetString());
        Assert.Equal("at least 220,000", deal.GetProperty("accelerators").GetProperty("text").GetString());

        var dataCenter = Assert.Single(deal.GetProperty("dataCenters").EnumerateArray());
        Assert.Equal("colossus-1", dataCenter.GetProperty("slug").GetString());
        Assert.Equal("~300 MW", dataCenter.GetProperty("share").GetProperty("text").GetString());
        Assert.Equal("2026-05-06", deal.GetProperty("term").GetProperty("start").GetString());

        // Each figure cites exactly the sources marked as supporting it.
        var sources = deal.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, sources.Count), sources.Select(s => s.GetProperty("ordinal").GetInt32()));
        var valueOrdinals = value.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("ordinal").GetInt32()).ToList();
        Assert.Equal(3, valueOrdinals.Count);
        Assert.Equal(
            sources.Where(s => s.GetProperty("supports").EnumerateArray().Any(x => x.GetString() == "value")).Select(s => s.GetProperty("ordinal").GetInt32()),
            valueOrdinals);
        Assert.Equal(3, capacity.GetProperty("sources").GetArrayLength());
        Assert.True(DateTimeOffset.TryParse(deal.GetProperty("updatedAt").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public async Task Drafts_and_deleted_deals_never_appear_in_json_csv_feed_or_sources()
    {
        await ApiTestData.AddDealAsync(app, "draft-zebra-deal", "Zebra draft deal", published: false, sourceUrl: "https://example.org/draft-only");
        await ApiTestData.AddDealAsync(app, "deleted-zebra-deal", "Zebra deleted deal", deleted: true, sourceUrl: "https://example.org/deleted-only");
        var client = app.CreateClient();

        Assert.Equal(0, (await GetJsonAsync("/api/v1/deals?q=zebra")).GetProperty("total").GetInt32());
        Assert.Empty(await GetCsvAsync("/api/v1/deals.csv?q=zebra"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/v1/deals/draft-zebra-deal", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/v1/deals/deleted-zebra-deal", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("zebra", await client.GetStringAsync(new Uri("/feeds/deals.atom", UriKind.Relative)), StringComparison.OrdinalIgnoreCase);
        var sources = await client.GetStringAsync(new Uri("/api/v1/sources", UriKind.Relative));
        Assert.DoesNotContain("draft-only", sources, StringComparison.Ordinal);
        Assert.DoesNotContain("deleted-only", sources, StringComparison.Ordinal);
        Assert.Contains("https://foxvector.com/", sources, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_company_has_its_aliases_parent_and_data_centers()
    {
        var xai = await GetJsonAsync("/api/v1/companies/xai");

        Assert.Equal("aiLab", xai.GetProperty("kind").GetString());
        Assert.Equal(["X.AI Corp."], xai.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("spacex", xai.GetProperty("parent").GetProperty("slug").GetString());
        Assert.Equal("http://localhost/companies/spacex", xai.GetProperty("parent").GetProperty("permalink").GetString());
        var centers = xai.GetProperty("dataCenters").EnumerateArray().Select(d => d.GetProperty("slug").GetString()).ToList();
        Assert.Contains("colossus-1", centers);
        Assert.Contains("colossus-2", centers);
        Assert.Equal("http://localhost/api/v1/deals?company=xai", xai.GetProperty("deals").GetString());

        var spacex = await GetJsonAsync("/api/v1/companies/spacex");
        Assert.Contains(spacex.GetProperty("subsidiaries").EnumerateArray(), s => s.GetProperty("slug").GetString() == "xai");
    }

    [Fact]
    public async Task Companies_filter_by_kind()
    {
        var all = await GetJsonAsync("/api/v1/companies");
        var neoclouds = await GetJsonAsync("/api/v1/companies?kind=neocloud");

        Assert.Equal(14, all.GetProperty("total").GetInt32());
        Assert.Equal(["coreweave", "fluidstack"], Slugs(neoclouds).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Null, neoclouds.GetProperty("html").ValueKind);
        Assert.Equal("http://localhost/companies", all.GetProperty("html").GetString());
    }

    [Fact]
    public async Task A_data_center_has_its_capacity_timeline_oldest_first()
    {
        var colossus = await GetJsonAsync("/api/v1/datacenters/colossus-1");

        Assert.Equal("xai", colossus.GetProperty("operator").GetProperty("slug").GetString());
        var rows = colossus.GetProperty("capacity").EnumerateArray().ToList();
        Assert.Equal("2024-07-01", rows[0].GetProperty("effectiveDate").GetString());
        Assert.Equal("~150 MW", rows[0].GetProperty("power").GetProperty("text").GetString());
        Assert.Equal(
            rows.Select(r => r.GetProperty("effectiveDate").GetString()).Order(StringComparer.Ordinal),
            rows.Select(r => r.GetProperty("effectiveDate").GetString()));
    }

    [Fact]
    public async Task Valuations_filter_by_company_and_cite_their_source()
    {
        var xai = await GetJsonAsync("/api/v1/valuations?company=xai");

        var items = xai.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, v => Assert.Equal("xai", v.GetProperty("company").GetProperty("slug").GetString()));
        var november = items.Single(v => v.GetProperty("asOf").GetString() == "2025-11-01");
        Assert.Equal("~$230B", november.GetProperty("amount").GetProperty("text").GetString());
        Assert.Equal("https://dataconomy.com/", november.GetProperty("amount").GetProperty("sources")[0].GetProperty("url").GetString());
    }

    private static string Number(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? string.Empty : element.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
