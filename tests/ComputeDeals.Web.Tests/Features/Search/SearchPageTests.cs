using ComputeDeals.Core.Domain;
using ComputeDeals.Testing;
using ComputeDeals.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Search;

public class SearchPageTests(TestAppFactory app) : IClassFixture<TestAppFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        // Three companies that match "nova" exactly, by prefix and inside the name (one with markup in it).
        await using var db = app.CreateDbContext();
        if (!db.Companies.Any(c => c.Slug == "nova"))
        {
            var now = DateTimeOffset.UtcNow;
            db.Companies.AddRange(
                new Company { Name = "SuperNova <b>Compute</b>", Slug = "supernova-compute", Kind = CompanyKind.Other, CreatedAt = now, UpdatedAt = now },
                new Company { Name = "Nova Labs", Slug = "nova-labs", Kind = CompanyKind.Other, CreatedAt = now, UpdatedAt = now },
                new Company { Name = "Nova", Slug = "nova", Kind = CompanyKind.Other, CreatedAt = now, UpdatedAt = now });
            await db.SaveLikeAWriteAsync();
            await app.Services.GetRequiredService<ContentCache>().InvalidateAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Results_rank_the_exact_name_first_then_prefix_then_contains()
    {
        var page = await app.GetPageAsync("/search?q=NOVA");

        var hits = page.QuerySelectorAll("[data-kind='companies'] li");
        Assert.Equal(["Nova", "Nova Labs", "SuperNova <b>Compute</b>"], hits.Select(h => h.QuerySelector("a")!.TextContent).ToArray());
        Assert.Equal(["Exact", "Prefix", "Contains"], hits.Select(h => h.GetAttribute("data-rank") ?? "").ToArray());
    }

    [Fact]
    public async Task Matching_text_is_highlighted_after_html_encoding()
    {
        var response = await app.CreateClient().GetStringAsync(new Uri("/search?q=nova", UriKind.Relative));
        var page = await PageClient.ParseAsync(response);

        var super = page.QuerySelector("a[href='/companies/supernova-compute']")!;
        Assert.Equal("Super<mark>Nova</mark> &lt;b&gt;Compute&lt;/b&gt;", super.InnerHtml);
        Assert.DoesNotContain("<b>Compute</b>", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aliases_are_searched_and_groups_show_their_counts()
    {
        var page = await app.GetPageAsync("/search?q=aws");

        var amazon = page.QuerySelector("[data-kind='companies'] li")!;
        Assert.Equal("/companies/amazon", amazon.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Exact", amazon.GetAttribute("data-rank"));
        Assert.Equal("AWS", amazon.QuerySelector(".cd-search-context mark")!.TextContent);

        var colossus = await app.GetPageAsync("/search?q=colossus");
        Assert.Equal("Data centers (2)", colossus.QuerySelector("#search-datacenters")!.TextContent.Trim());
        Assert.Equal("Colossus 1", colossus.QuerySelector("[data-kind='datacenters'] li a")!.TextContent);
    }

    [Fact]
    public async Task The_count_line_says_1_company_and_2_data_centers()
    {
        var aws = (await app.GetPageAsync("/search?q=aws")).QuerySelector("p.cd-count")!.TextContent;
        Assert.Contains(": 1 company · ", aws, StringComparison.Ordinal);

        var colossus = (await app.GetPageAsync("/search?q=colossus")).QuerySelector("p.cd-count")!.TextContent;
        Assert.Contains(" · 2 data centers · ", colossus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_tag_in_the_query_is_encoded_and_gives_the_no_result_state()
    {
        var html = await app.CreateClient().GetStringAsync(new Uri("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", UriKind.Relative));

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        var page = await PageClient.ParseAsync(html);
        Assert.NotNull(page.QuerySelector(".cd-search-none"));
    }

    [Fact]
    public async Task An_empty_query_shows_the_search_form_and_a_hint()
    {
        var page = await app.GetPageAsync("/search");

        Assert.Equal("Search", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("label[for='cd-search-q']"));
        Assert.NotNull(page.QuerySelector(".cd-search-empty"));
    }
}
