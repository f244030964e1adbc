using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ComputeDeals.Testing;
using ComputeDeals.Web.Api;

namespace ComputeDeals.Web.Tests.Api;

public class CsvExportTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_csv_parses_back_to_the_same_text_with_commas_quotes_and_line_breaks()
    {
        const string title = "Quokka compute, \"phase 2\"\r\nand more";
        const string summary = "First line, with a comma.\nSecond line with \"quotes\" and a trailing comma,";
        await ApiTestData.AddDealAsync(app, "quokka-compute", title, summary);

        var (response, body) = await GetAsync("/api/v1/deals.csv?q=quokka");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("computedeals-deals.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = Rfc4180Reader.ParseWithHeader(body, out var header);
        Assert.Equal(CsvExportEndpoints.DealColumns, header);
        var row = Assert.Single(rows);
        Assert.Equal(title, row["title"]);
        Assert.Equal(summary, row["summary"]);
        Assert.Equal("xai:seller; anthropic:buyer", row["parties"]);
        Assert.Equal("1000000000", row["value_low"]);
        Assert.Equal("1500000000", row["value_high"]);
        Assert.Equal("approximately", row["value_qualifier"]);
        Assert.Equal("~$1–1.5B", row["value_text"]);
        Assert.Equal("42", row["capacity_low"]);
        Assert.Equal("42", row["capacity_high"]);
        Assert.Equal("exact", row["capacity_qualifier"]);
        Assert.Equal("2024-03-15", row["announced_on"]);
        Assert.Equal("http://localhost/deals/quokka-compute", row["permalink"]);

        // The quoted field is written the RFC 4180 way: quotes doubled, line break kept inside quotes.
        Assert.Contains("\"Quokka compute, \"\"phase 2\"\"\r\nand more\"", body, StringComparison.Ordinal);
        Assert.StartsWith("slug,title,announced_on,", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_start_with_a_quote()
    {
        await ApiTestData.AddDealAsync(app, "formula-wombat", "=HYPERLINK(\"http://evil.example\",\"wombat\")", "+1 wombat summary");

        var (_, body) = await GetAsync("/api/v1/deals.csv?q=wombat");
        var row = Assert.Single(Rfc4180Reader.ParseWithHeader(body, out _));

        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"wombat\")", row["title"]);
        Assert.Equal("'+1 wombat summary", row["summary"]);

        // The JSON keeps the text as it is.
        using var json = JsonDocument.Parse((await GetAsync("/api/v1/deals/formula-wombat")).Body);
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"wombat\")", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_undisclosed_value_is_empty_in_the_csv_never_zero()
    {
        var (_, json) = await GetAsync("/api/v1/deals?pageSize=500");
        using var document = JsonDocument.Parse(json);
        var undisclosed = document.RootElement.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("value").GetProperty("qualifier").GetString() == "undisclosed")
            .Select(i => i.GetProperty("slug").GetString())
            .ToList();
        Assert.Equal(document.RootElement.GetProperty("undisclosedValueCount").GetInt32(), undisclosed.Count);
        Assert.NotEmpty(undisclosed);

        var rows = Rfc4180Reader.ParseWithHeader((await GetAsync("/api/v1/deals.csv")).Body, out _);
        Assert.All(rows.Where(r => undisclosed.Contains(r["slug"])), r =>
        {
            Assert.Equal(string.Empty, r["value_low"]);
            Assert.Equal(string.Empty, r["value_high"]);
            Assert.Equal("undisclosed", r["value_qualifier"]);
            Assert.Equal("undisclosed", r["value_text"]);
        });
    }

    [Fact]
    public async Task The_company_page_json_and_csv_list_the_same_companies()
    {
        var page = await new HtmlParser().ParseDocumentAsync((await GetAsync("/companies")).Body);
        var pageSlugs = page.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.GetAttribute("href")!["/companies/".Length..]).ToList();
        Assert.Equal("/api/v1/companies.csv", page.QuerySelector(".cd-export a[download]")?.GetAttribute("href"));
        Assert.Equal("/api/v1/companies", page.QuerySelector(".cd-export a[type='application/json']")?.GetAttribute("href"));

        using var json = JsonDocument.Parse((await GetAsync("/api/v1/companies")).Body);
        var jsonSlugs = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!).ToList();
        var (response, csv) = await GetAsync("/api/v1/companies.csv");
        var rows = Rfc4180Reader.ParseWithHeader(csv, out var header);

        Assert.Equal(CsvExportEndpoints.CompanyColumns, header);
        Assert.Equal("computedeals-companies.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(pageSlugs, jsonSlugs);
        Assert.Equal(jsonSlugs, rows.Select(r => r["slug"]));
        var xai = rows.Single(r => r["slug"] == "xai");
        Assert.Equal("aiLab", xai["kind"]);
        Assert.Equal("spacex", xai["parent_slug"]);

        // Coverage (how completely a company's own data centers are tracked) is a column, as stored, in the JSON's camelCase.
        await using var db = app.CreateDbContext();
        var stored = db.Companies.Where(c => !c.IsDeleted).ToDictionary(c => c.Slug, c => c.Coverage);
        Assert.All(rows, r => Assert.Equal(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(stored[r["slug"]].ToString()), r["coverage"]));
        Assert.Equal(["complete", "notTracked", "partial"], rows.Select(r => r["coverage"]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_data_center_page_json_and_csv_list_the_same_sites_with_current_power()
    {
        var page = await new HtmlParser().ParseDocumentAsync((await GetAsync("/datacenters")).Body);
        var pageSlugs = page.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.GetAttribute("href")!["/datacenters/".Length..]).ToList();
        Assert.Equal("/api/v1/datacenters.csv", page.QuerySelector(".cd-export a[download]")?.GetAttribute("href"));
        Assert.Equal("/api/v1/datacenters", page.QuerySelector(".cd-export a[type='application/json']")?.GetAttribute("href"));

        using var json = JsonDocument.Parse((await GetAsync("/api/v1/datacenters")).Body);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        var rows = Rfc4180Reader.ParseWithHeader((await GetAsync("/api/v1/datacenters.csv")).Body, out var header);

        Assert.Equal(CsvExportEndpoints.DataCenterColumns, header);
        Assert.Equal(pageSlugs, items.Select(i => i.GetProperty("slug").GetString()));
        Assert.Equal(pageSlugs, rows.Select(r => r["slug"]));
        var colossus2 = rows.Single(r => r["slug"] == "colossus-2");
        Assert.Equal("~661 MW (estimated)", colossus2["power_text"]);
        Assert.Equal(
            items.Single(i => i.GetProperty("slug").GetString() == "colossus-2").GetProperty("power").GetProperty("high").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            colossus2["power_mw_high"]);
    }

    [Fact]
    public async Task Data_centers_filter_by_operator_in_json_and_csv_alike()
    {
        using var json = JsonDocument.Parse((await GetAsync("/api/v1/datacenters?operator=xai")).Body);
        var rows = Rfc4180Reader.ParseWithHeader((await GetAsync("/api/v1/datacenters.csv?operator=xai")).Body, out _);

        var slugs = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()).ToList();
        Assert.Contains("colossus-1", slugs);
        Assert.Contains("colossus-2", slugs);
        Assert.Equal(slugs, rows.Select(r => r["slug"]));
        Assert.All(rows, r => Assert.Equal("xai", r["operator_slug"]));
    }
}
