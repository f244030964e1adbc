using System.Text.Json;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Hosting;
using ComputeDeals.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Rules;

/// <summary>
/// A data center's location text and what a search matches are each defined once: every page, the
/// JSON list, the CSV and /search give the same answer. The test data has a data center with a blank
/// city, one operated by a company no data center's name or place mentions, and a deal whose only
/// mention of that company is as a party.
/// </summary>
public class OneRuleEverywhereTests(TestAppFactory app) : IClassFixture<TestAppFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = app.CreateDbContext();
        if (await db.Companies.AnyAsync(c => c.Slug == "quillon"))
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var quillon = new Company { Name = "Quillon", Slug = "quillon", Kind = CompanyKind.Neocloud, Country = "CA", CreatedAt = now, UpdatedAt = now };
        db.Companies.Add(quillon);
        db.DataCenters.Add(new DataCenter
        {
            Name = "Site Seven", Slug = "site-seven", Operator = quillon, City = null, Region = "Saskatchewan", Country = "CA",
            Status = FacilityStatus.Planned, CreatedAt = now, UpdatedAt = now,
            // Two readings on one day (the later entry is in force) and one in the future.
            Capacity =
            [
                new CapacityRow(new DateOnly(2026, 1, 5), DatePrecision.Day, Figure.Exact(100), null, null, FacilityStatus.Planned),
                new CapacityRow(new DateOnly(2026, 1, 5), DatePrecision.Day, Figure.Exact(120), null, null, FacilityStatus.Planned),
                new CapacityRow(new DateOnly(2099, 1, 1), DatePrecision.Day, Figure.Exact(900), null, null, FacilityStatus.Operational),
            ],
        });
        // "Up to 2,000 MW" sorts by its upper bound, as a deal's MW does, not as undisclosed.
        db.DataCenters.Add(new DataCenter
        {
            Name = "Upland Yard", Slug = "upland-yard", Operator = quillon, Country = "CA", Status = FacilityStatus.Planned, CreatedAt = now, UpdatedAt = now,
            Capacity = [new CapacityRow(new DateOnly(2025, 6, 1), DatePrecision.Month, Figure.UpTo(2000), null, null, FacilityStatus.Planned)],
        });

        // A data center whose operator was deleted: it has no page, so it is in no list, search or export.
        var gone = new Company { Name = "Gone Compute", Slug = "gone-compute", Kind = CompanyKind.Other, IsDeleted = true, CreatedAt = now, UpdatedAt = now };
        db.DataCenters.Add(new DataCenter
        {
            Name = "Ghost Hall", Slug = "ghost-hall", Operator = gone, City = "Wellington", Country = "NZ", Status = FacilityStatus.Operational,
            CreatedAt = now, UpdatedAt = now,
            Capacity = [new CapacityRow(new DateOnly(2025, 1, 1), DatePrecision.Day, Figure.Exact(50), null, null, FacilityStatus.Operational)
            {
                Source = new Source { Url = "https://example.org/ghost-hall", Title = "Ghost Hall opens", Publisher = "Example" },
            }],
        });
        var anthropic = await db.Companies.SingleAsync(c => c.Slug == "anthropic");
        db.Deals.Add(new Deal
        {
            Slug = "prairie-lease", Title = "Prairie capacity lease", Summary = "A lease of planned capacity on the prairies.",
            AnnouncedOn = new DateOnly(2026, 2, 3), AnnouncedPrecision = DatePrecision.Day, Type = DealType.CapacitySaleOrLease,
            Status = DealStatus.Announced, Value = Figure.Undisclosed(), IsPublished = true, PublishedAt = now, CreatedAt = now, UpdatedAt = now,
            Parties = [new DealParty { Company = quillon, Role = PartyRole.Seller }, new DealParty { CompanyId = anthropic.Id, Role = PartyRole.Buyer }],
        });
        await db.SaveLikeAWriteAsync();
        await app.Services.GetRequiredService<ContentCache>().InvalidateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("colossus-1", "xai", "Memphis, Tennessee, US")]
    [InlineData("site-seven", "quillon", "Saskatchewan, CA")]
    public async Task A_data_centers_location_reads_the_same_on_every_page_export_and_search(string slug, string operatorSlug, string expected)
    {
        var client = app.CreateClient();

        var profile = await app.GetPageAsync($"/datacenters/{slug}");
        var list = await app.GetPageAsync("/datacenters");
        var company = await app.GetPageAsync($"/companies/{operatorSlug}");
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/datacenters", UriKind.Relative)));
        var csv = Rfc4180Reader.ParseWithHeader(await client.GetStringAsync(new Uri("/api/v1/datacenters.csv", UriKind.Relative)), out _);
        using var detail = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/datacenters/{slug}", UriKind.Relative)));
        var search = await app.GetPageAsync("/search?q=" + Uri.EscapeDataString(expected.Split(", ")[0]));

        Assert.Equal(expected, profile.QuerySelector("[data-location]")!.TextContent);
        Assert.Equal(expected, RowCell(list, slug, 2));
        // The accelerator type stays a separate word after the count ("220,000 NVIDIA…", not "220,000NVIDIA…").
        Assert.DoesNotMatch(@"[\d)][A-Za-z]", RowCell(list, slug, 5));
        Assert.Equal(expected, RowCell(company, slug, 1));
        Assert.Equal(expected, json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("slug").GetString() == slug).GetProperty("location").GetString());
        Assert.Equal(expected, csv.Single(r => r["slug"] == slug)["location"]);
        Assert.Equal(expected, detail.RootElement.GetProperty("location").GetString());
        var hit = search.QuerySelectorAll("[data-kind='datacenters'] li").Single(li => li.QuerySelector("a")!.GetAttribute("href") == $"/datacenters/{slug}");
        Assert.Equal("location: " + expected, hit.QuerySelector(".cd-search-context")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_capacity_in_force_today_is_the_same_row_on_every_page_and_export()
    {
        var expected = FigureFormatter.Format(Figure.Exact(120), FigureUnit.Megawatts);
        var client = app.CreateClient();

        var profile = await app.GetPageAsync("/datacenters/site-seven");
        var list = await app.GetPageAsync("/datacenters?q=site+seven");
        var company = await app.GetPageAsync("/companies/quillon");
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/datacenters?q=site+seven", UriKind.Relative)));
        var csv = Rfc4180Reader.ParseWithHeader(await client.GetStringAsync(new Uri("/api/v1/datacenters.csv?q=site+seven", UriKind.Relative)), out _);

        Assert.Contains(" · " + expected + " ", profile.QuerySelector(".cd-lede")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(expected, RowCell(list, "site-seven", 4));
        Assert.Equal(expected, RowCell(company, "site-seven", 3));
        var power = json.RootElement.GetProperty("items")[0].GetProperty("power");
        Assert.Equal(120, power.GetProperty("low").GetDouble());
        Assert.Equal("2026-01-05", json.RootElement.GetProperty("items")[0].GetProperty("capacityAsOf").GetString());
        Assert.Equal(expected, csv.Single()["power_text"]);
    }

    [Fact]
    public async Task Power_sorts_by_the_figure_sort_key_like_the_deals_mw()
    {
        var page = await app.GetPageAsync("/datacenters?operator=quillon&sort=power");

        // Up to 2,000 MW (key 2,000) before exactly 120 MW; "up to" is not undisclosed.
        Assert.Equal(["upland-yard", "site-seven"], page.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.GetAttribute("href")!.Split('/')[^1]));
        Assert.Equal(2000, Figure.UpTo(2000).SortKey);
    }

    [Theory]
    [InlineData("quillon")]   // a data center only by its operator's name, a deal only by a party's name
    [InlineData("saskatch")]  // a region
    [InlineData("tennessee")] // a region
    [InlineData("colossus")]  // names and deal text
    [InlineData("aws")]       // a company alias
    [InlineData("anthropic")] // a name, a party, deal text
    public async Task Search_finds_each_kind_by_the_same_rule_as_its_list(string q)
    {
        var search = await app.GetPageAsync("/search?q=" + q);
        List<string> Hits(string kind) =>
            [.. search.QuerySelectorAll($"[data-kind='{kind}'] li > a").Select(a => a.GetAttribute("href")!.Split('/')[^1]).Order(StringComparer.Ordinal)];

        var companies = await ApiSlugsAsync($"/api/v1/companies?q={q}");
        var centers = await ApiSlugsAsync($"/api/v1/datacenters?q={q}");
        var deals = await ApiSlugsAsync($"/api/v1/deals?q={q}&pageSize=500");

        Assert.NotEmpty(companies.Concat(centers).Concat(deals));
        Assert.Equal(companies, Hits("companies"));
        Assert.Equal(centers, Hits("datacenters"));
        Assert.Equal(deals, Hits("deals"));
    }

    [Fact]
    public async Task A_hit_by_operator_or_party_says_where_it_matched()
    {
        var search = await app.GetPageAsync("/search?q=quillon");

        var center = search.QuerySelector("[data-kind='datacenters'] li")!;
        Assert.Equal("/datacenters/site-seven", center.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("operator: Quillon", center.QuerySelector(".cd-search-context")!.TextContent.Trim());
        var deal = search.QuerySelector("[data-kind='deals'] li")!;
        Assert.Equal("/deals/prairie-lease", deal.QuerySelector("a")!.GetAttribute("href"));
        var context = deal.QuerySelector(".cd-search-context")!.TextContent.Trim();
        Assert.StartsWith("parties: ", context, StringComparison.Ordinal);
        Assert.Equal(["Anthropic", "Quillon"], context["parties: ".Length..].Split(", ").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/datacenters?q=quillon")]
    [InlineData("/datacenters?q=ca&sort=status")]
    [InlineData("/datacenters?operator=xai&sort=power")]
    [InlineData("/datacenters?operator=quillon&sort=power")]
    [InlineData("/companies?q=aws")]
    [InlineData("/companies?country=ca")]
    public async Task The_list_page_its_json_and_its_csv_read_the_filters_alike(string pageUrl)
    {
        var page = await app.GetPageAsync(pageUrl);
        var pageSlugs = page.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.GetAttribute("href")!.Split('/')[^1]).ToList();
        var apiPath = "/api/v1" + pageUrl;
        var csvPath = apiPath.Replace("?", ".csv?", StringComparison.Ordinal);
        var csv = Rfc4180Reader.ParseWithHeader(await app.CreateClient().GetStringAsync(new Uri(csvPath, UriKind.Relative)), out _);

        Assert.NotEmpty(pageSlugs);
        Assert.Equal(pageSlugs, await ApiSlugsAsync(apiPath, ordered: false));
        Assert.Equal(pageSlugs, csv.Select(r => r["slug"]).ToList());
    }

    [Fact]
    public async Task A_country_nobody_is_in_gives_no_row_on_the_page_the_json_and_the_csv()
    {
        var page = await app.GetPageAsync("/datacenters?country=ZZ");

        Assert.Empty(page.QuerySelectorAll("table tbody tr"));
        Assert.Null(page.QuerySelector(".cd-query-errors"));
        Assert.Empty(await ApiSlugsAsync("/api/v1/datacenters?country=ZZ"));
        var csv = Rfc4180Reader.ParseWithHeader(await app.CreateClient().GetStringAsync(new Uri("/api/v1/datacenters.csv?country=ZZ", UriKind.Relative)), out _);
        Assert.Empty(csv);
    }

    [Theory]
    [InlineData("/companies?kind=robots&country=USA", new[] { "kind", "country" })]
    [InlineData("/datacenters?status=1&operator=X%20AI", new[] { "operator", "status" })]
    public async Task A_bad_filter_is_named_on_the_page_and_in_the_api_problem(string pageUrl, string[] names)
    {
        var page = await app.GetPageAsync(pageUrl);
        var errors = page.QuerySelectorAll(".cd-query-errors li code").Select(c => c.TextContent).ToArray();
        var response = await app.CreateClient().GetAsync(new Uri("/api/v1" + pageUrl.Replace("?", ".csv?", StringComparison.Ordinal), UriKind.Relative));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(names, errors);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(names.Order(StringComparer.Ordinal), problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        // The bad values are left out: the page shows every row, as with no filter.
        var all = await app.GetPageAsync(pageUrl[..pageUrl.IndexOf('?', StringComparison.Ordinal)]);
        Assert.Equal(all.QuerySelectorAll("table tbody tr").Length, page.QuerySelectorAll("table tbody tr").Length);
    }

    [Theory]
    [InlineData("/companies", "companies-q")]
    [InlineData("/datacenters", "datacenters-q")]
    [InlineData("/deals", "filter-q")]
    [InlineData("/search", "cd-search-q")]
    public async Task Every_search_box_takes_200_characters_and_a_list_names_a_longer_q(string path, string inputId)
    {
        var client = app.CreateClient();
        var box = (await app.GetPageAsync(path)).GetElementById(inputId)!;
        Assert.Equal("200", box.GetAttribute("maxlength"));

        // 200 characters are a search like any other (no row has this text); 201 are named as an error.
        var fits = await app.GetPageAsync($"{path}?q={new string('q', 200)}");
        Assert.Empty(fits.QuerySelectorAll(".cd-query-errors li"));
        if (path == "/search")
        {
            // /search cuts a longer q to 200 rather than refusing it.
            var cut = await app.GetPageAsync($"{path}?q={new string('q', 201)}");
            Assert.Equal(new string('q', 200), cut.GetElementById(inputId)!.GetAttribute("value"));
            return;
        }

        var tooLong = await app.GetPageAsync($"{path}?q={new string('q', 201)}");
        Assert.Equal(["q"], tooLong.QuerySelectorAll(".cd-query-errors li code").Select(c => c.TextContent));
        var api = await client.GetAsync(new Uri($"/api/v1{path}?q={new string('q', 201)}", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, api.StatusCode);
        var csv = await client.GetAsync(new Uri($"/api/v1{path}.csv?q={new string('q', 201)}", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri($"/api/v1{path}?q={new string('q', 200)}", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/deals?from=June", "from")]
    [InlineData("/api/v1/analytics/capacity?asOf=June", "asOf")]
    [InlineData("/embed/charts/capacity-by-company?asOf=June", "asOf")]
    public async Task A_bad_date_is_named_in_the_same_words_by_every_query(string url, string name)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'June' is not a date: use YYYY-MM-DD, such as 2026-06-01.", problem.RootElement.GetProperty("errors").GetProperty(name)[0].GetString());
        var page = await app.GetPageAsync("/deals?from=June");
        Assert.Contains("'June' is not a date: use YYYY-MM-DD, such as 2026-06-01.", page.QuerySelector(".cd-query-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_center_whose_operator_was_deleted_is_in_no_list_search_choice_or_source_list()
    {
        var client = app.CreateClient();

        var list = await app.GetPageAsync("/datacenters");
        var search = await app.GetPageAsync("/search?q=ghost");
        var sources = await client.GetStringAsync(new Uri("/api/v1/sources", UriKind.Relative));
        var profile = await app.NoRedirects().GetAsync(new Uri("/datacenters/ghost-hall", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, profile.StatusCode);
        Assert.DoesNotContain(list.QuerySelectorAll("table tbody tr td:first-child a"), a => a.GetAttribute("href") == "/datacenters/ghost-hall");
        Assert.DoesNotContain(list.QuerySelectorAll("#datacenters-country option"), o => o.GetAttribute("value") == "NZ");
        Assert.Empty(search.QuerySelectorAll("[data-kind='datacenters'] li"));
        Assert.Empty(await ApiSlugsAsync("/api/v1/datacenters?q=ghost"));
        Assert.DoesNotContain("https://example.org/ghost-hall", sources, StringComparison.Ordinal);
    }

    private async Task<List<string>> ApiSlugsAsync(string path, bool ordered = true)
    {
        using var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync(new Uri(path, UriKind.Relative)));
        var slugs = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!);
        return ordered ? [.. slugs.Order(StringComparer.Ordinal)] : [.. slugs];
    }

    private static string RowCell(AngleSharp.Html.Dom.IHtmlDocument page, string slug, int column) =>
        page.QuerySelectorAll("table tbody tr")
            .Single(tr => tr.QuerySelector("td:first-child a")?.GetAttribute("href") == $"/datacenters/{slug}")
            .QuerySelectorAll("td")[column].TextContent.Trim();
}
