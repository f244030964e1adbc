using System.Net;
using System.Text.Json;
using ComputeDeals.Testing;
using ComputeDeals.Web.Tests.Features;

namespace ComputeDeals.Web.Tests.Api;

/// <summary>The "Download CSV" and "JSON" links of the list pages give exactly the rows the page shows.</summary>
public class ListExportsAgreeTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private async Task<(List<string> Page, List<string> Csv, List<string> Json)> RowsAsync(string pageUrl)
    {
        var page = await app.GetPageAsync(pageUrl);
        var pageSlugs = page.QuerySelectorAll("table tbody tr td:first-child a")
            .Select(a => a.GetAttribute("href")!.Split('/')[^1]).ToList();
        var csvLink = page.QuerySelector(".cd-export-links a[href*='.csv'], a[href*='.csv']")!.GetAttribute("href")!;
        var jsonLink = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).First(h => h is not null && h.StartsWith("/api/v1/", StringComparison.Ordinal) && !h.Contains(".csv", StringComparison.Ordinal))!;

        var client = app.CreateClient();
        var csv = Rfc4180Reader.ParseWithHeader(await client.GetStringAsync(new Uri(csvLink, UriKind.Relative)), out _);
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(jsonLink, UriKind.Relative)));
        var jsonSlugs = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!).ToList();
        return (pageSlugs, csv.Select(r => r["slug"]).ToList(), jsonSlugs);
    }

    [Theory]
    [InlineData("/companies?kind=hyperscaler&sort=deals")]
    [InlineData("/companies?q=a&country=us")]
    [InlineData("/datacenters?country=US&sort=power")]
    [InlineData("/datacenters?q=colossus&status=operational")]
    public async Task Page_csv_and_json_hold_the_same_rows_in_the_same_order(string pageUrl)
    {
        var (page, csv, json) = await RowsAsync(pageUrl);

        Assert.NotEmpty(page);
        Assert.Equal(page, csv);
        Assert.Equal(page, json);
    }

    [Fact]
    public async Task A_bad_list_filter_gives_a_problem_naming_the_parameter()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/api/v1/companies.csv?country=USA&sort=size", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("country", body, StringComparison.Ordinal);
        Assert.Contains("sort", body, StringComparison.Ordinal);
    }
}
