using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using ComputeDeals.Testing;

namespace ComputeDeals.Web.Tests.Features.Deals.Permalink;

public class DealPermalinkTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private const string Colossus = "/deals/xai-anthropic-colossus-1";

    [Fact]
    public async Task Permalink_shows_the_parties_with_their_roles_linked_to_their_companies()
    {
        var page = await app.GetPageAsync(Colossus);

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("xAI sells all Colossus 1 compute to Anthropic", page.QuerySelector("h1")!.TextContent);
        var parties = page.QuerySelectorAll(".cd-party-roles li");
        Assert.Equal(2, parties.Length);
        Assert.Equal("/companies/xai", parties[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("seller", parties[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("/companies/anthropic", parties[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("buyer", parties[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("/datacenters/colossus-1", page.QuerySelector("a[href='/datacenters/colossus-1']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Figures_carry_their_qualifiers_and_footnotes_to_the_sources_that_support_them()
    {
        var page = await app.GetPageAsync(Colossus);

        static string[] Footnotes(AngleSharp.Dom.IElement figure) =>
            figure.QuerySelectorAll(".cd-footnotes a").Select(a => a.GetAttribute("href")!).ToArray();

        var value = page.QuerySelector("[data-figure='value']")!;
        Assert.Equal("~$3–15B/year", value.QuerySelector(".cd-figure-text")!.TextContent);
        Assert.Equal(["#source-4", "#source-5", "#source-6"], Footnotes(value));
        Assert.Contains("reports differ", value.TextContent, StringComparison.Ordinal);

        var capacity = page.QuerySelector("[data-figure='capacity']")!;
        Assert.Equal("at least 300 MW", capacity.QuerySelector(".cd-figure-text")!.TextContent);
        Assert.Equal(["#source-1", "#source-2", "#source-3"], Footnotes(capacity));

        var accelerators = page.QuerySelector("[data-figure='accelerators']")!;
        Assert.Equal("at least 220,000", accelerators.QuerySelector(".cd-figure-text")!.TextContent);
        Assert.Equal(["#source-2", "#source-3"], Footnotes(accelerators));

        var sources = page.QuerySelectorAll("ol.cd-sources > li");
        Assert.Equal(6, sources.Length);
        var fourth = page.QuerySelector("#source-4")!;
        Assert.Contains("DCD (Data Center Dynamics), via State of AI", fourth.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://www.datacenterdynamics.com/", fourth.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("supports value", fourth.TextContent, StringComparison.Ordinal);
        Assert.Contains("Anthropic announced on 2026-05-06", page.QuerySelector(".cd-markdown")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("from 6 May 2026", page.QuerySelector("[data-figure='term']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_carries_canonical_opengraph_twitter_and_json_ld_built_from_the_deal()
    {
        var page = await app.GetPageAsync(Colossus);
        const string title = "xAI → Anthropic · compute capacity sale or lease · at least 300 MW · May 2026";

        Assert.Equal($"{title} · ComputeDeals", page.Title);
        Assert.Equal("http://localhost/deals/xai-anthropic-colossus-1", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(title, page.Meta("og:title"));
        Assert.Equal("http://localhost/deals/xai-anthropic-colossus-1", page.Meta("og:url"));
        Assert.Equal("article", page.Meta("og:type"));
        Assert.StartsWith("Anthropic announced on 2026-05-06 that it is taking all of the compute", page.Meta("og:description"), StringComparison.Ordinal);
        Assert.Equal("http://localhost/deals/xai-anthropic-colossus-1/card.png", page.Meta("og:image"));
        Assert.Equal("1200", page.Meta("og:image:width"));
        Assert.Equal("630", page.Meta("og:image:height"));
        Assert.Equal("summary_large_image", page.Meta("twitter:card"));
        Assert.Equal(title, page.Meta("twitter:title"));

        using var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var root = jsonLd.RootElement;
        Assert.Equal("Article", root.GetProperty("@type").GetString());
        Assert.Equal("http://localhost/deals/xai-anthropic-colossus-1", root.GetProperty("url").GetString());
        Assert.Equal(["xAI", "Anthropic"], root.GetProperty("about").EnumerateArray().Select(a => a.GetProperty("name").GetString() ?? "").ToArray());
        Assert.Equal("Colossus 1", root.GetProperty("contentLocation")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Share_card_is_a_1200_by_630_png_with_a_cache_header()
    {
        var response = await app.NoRedirects().GetAsync(new Uri($"{Colossus}/card.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=3600", response.Headers.CacheControl?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(1200, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(630, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    [Fact]
    public async Task Permalink_is_served_from_the_output_cache_without_cookies_on_the_second_request()
    {
        var client = app.NoRedirects();
        var first = await client.GetAsync(new Uri("/deals/openai-aws-2025-11", UriKind.Relative));
        var second = await client.GetAsync(new Uri("/deals/openai-aws-2025-11", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"), "the second response should come from the output cache");
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.Equal("public, max-age=60", second.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/deals/no-such-deal")]
    [InlineData("/companies/no-such-company")]
    [InlineData("/datacenters/no-such-place")]
    public async Task Unknown_slugs_get_the_not_found_page_with_status_404(string url)
    {
        var response = await app.NoRedirects().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We could not find that page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_card_of_an_unknown_deal_is_404()
    {
        var response = await app.NoRedirects().GetAsync(new Uri("/deals/no-such-deal/card.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
