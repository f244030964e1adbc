using System.Text.Json;
using ComputeDeals.Testing;

namespace ComputeDeals.Web.Tests.Features.Companies;

public class CompanyPagesTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    [Fact]
    public async Task Company_page_shows_parent_aliases_valuations_data_centers_and_deals_by_role()
    {
        var page = await app.GetPageAsync("/companies/xai");

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("xAI", page.QuerySelector("h1")!.TextContent);
        var parent = page.QuerySelector("[data-parent]")!;
        Assert.Equal("/companies/spacex", parent.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("since 1 January 2026", parent.TextContent, StringComparison.Ordinal);
        Assert.Contains("X.AI Corp.", page.QuerySelector("[data-aliases]")!.TextContent, StringComparison.Ordinal);

        var valuations = page.QuerySelectorAll("#valuations-table tbody tr");
        Assert.Equal(3, valuations.Length);
        Assert.All(valuations, row => Assert.Contains("~$230B", row.TextContent, StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("figure.cd-chart svg"));

        Assert.NotNull(page.QuerySelector("a[href='/datacenters/colossus-1']"));
        Assert.NotNull(page.QuerySelector("a[href='/datacenters/colossus-2']"));
        var roleHeadings = page.QuerySelectorAll("h3").Select(h => h.TextContent.Trim()).ToArray();
        Assert.Equal(["As seller (1)", "As provider (1)", "As investee (1)", "As target (1)"], roleHeadings);
        // Capacity position from the analytics service: xAI sold Colossus 1's 300 MW to Anthropic.
        var position = page.QuerySelector("section.cd-capacity-position")!;
        var contractedOut = position.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Contracted out", StringComparison.Ordinal));
        Assert.Contains("300 MW", contractedOut.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Company_page_has_canonical_opengraph_and_organization_json_ld()
    {
        var page = await app.GetPageAsync("/companies/xai");

        Assert.Equal("http://localhost/companies/xai", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("xAI · AI lab · 4 deals · 2 data centers", page.Meta("og:title"));
        Assert.Equal("http://localhost/companies/xai", page.Meta("og:url"));
        Assert.Equal("http://localhost/companies/xai/card.png", page.Meta("og:image"));
        Assert.Equal("summary_large_image", page.Meta("twitter:card"));
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("Organization", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal("SpaceX", json.RootElement.GetProperty("parentOrganization").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/companies/xai/card.png")]
    [InlineData("/datacenters/colossus-1/card.png")]
    public async Task Company_and_data_center_share_cards_are_1200_by_630_pngs(string url)
    {
        var response = await app.NoRedirects().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal(1200, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(630, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    [Fact]
    public async Task Company_list_filters_by_kind_and_text_and_sorts_by_deal_count()
    {
        var hyperscalers = await app.GetPageAsync("/companies?kind=hyperscaler");
        var byAlias = await app.GetPageAsync("/companies?q=anysphere");
        var byDeals = await app.GetPageAsync("/companies?sort=deals");
        var bogus = await app.GetPageAsync("/companies?kind=bogus&sort=bogus");

        static string[] Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelector("td a")!.TextContent).ToArray();

        Assert.Equal(["Amazon", "Google", "Meta", "Microsoft", "Oracle"], Names(hyperscalers));
        Assert.True(hyperscalers.QuerySelector("#companies-kind option[value='hyperscaler']")!.HasAttribute("selected"));
        Assert.Equal(["Cursor"], Names(byAlias));
        // CoreWeave and OpenAI both have 5 published deals; ties go by name.
        Assert.Equal(["CoreWeave", "OpenAI", "Anthropic"], Names(byDeals)[..3]);
        Assert.Equal(14, Names(bogus).Length);
        Assert.Equal("/companies?kind=hyperscaler&sort=deals", hyperscalers.QuerySelector("th a[href*='sort=deals']")!.GetAttribute("href"));
    }
}
