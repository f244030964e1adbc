using System.Net;
using System.Net.Http.Headers;
using ComputeDeals.Testing;
using ComputeDeals.Web.Hosting;
using ComputeDeals.Web.Tests.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Hosting;

/// <summary>
/// The fast path in front of the pipeline (<see cref="CachedPages"/>): a repeat of a cached public GET
/// is answered from memory with the same bytes and headers as the full pipeline sent, 304 for a
/// matching If-None-Match, one copy per content coding and theme, never stale after an edit, and
/// never for a signed-in reader or a response the output cache would not keep.
/// </summary>
public class CachedPagesTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private CachedPages Pages => app.Services.GetRequiredService<CachedPages>();

    private static HttpRequestMessage Get(string url, string? encoding = null, EntityTagHeaderValue? ifNoneMatch = null, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(encoding);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return request;
    }

    private static Dictionary<string, string> HeadersOf(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Age" or "Content-Length"))
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData("/deals/openai-coreweave-2025-05")]
    [InlineData("/")]
    [InlineData("/deals?type=CloudCommitment")]
    [InlineData("/feeds/deals.atom")]
    public async Task A_repeat_is_answered_by_the_fast_path_with_the_same_bytes_and_headers(string url)
    {
        var client = app.NoRedirects();
        var first = await client.SendAsync(Get(url));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var hits = Pages.Hits;

        var second = await client.SendAsync(Get(url));

        Assert.Equal(hits + 1, Pages.Hits);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        var expected = HeadersOf(first);
        var actual = HeadersOf(second);
        Assert.Equal(expected.OrderBy(h => h.Key), actual.OrderBy(h => h.Key));
        Assert.Contains("Content-Security-Policy", actual.Keys);
        Assert.Contains("ETag", actual.Keys);
        Assert.Equal((await second.Content.ReadAsByteArrayAsync()).Length, second.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task A_matching_If_None_Match_gets_304_from_the_fast_path_and_another_tag_the_page()
    {
        const string url = "/companies/anthropic";
        var client = app.NoRedirects();
        var first = await client.SendAsync(Get(url));
        var etag = first.Headers.ETag!;
        await client.SendAsync(Get(url));
        var hits = Pages.Hits;

        var notModified = await client.SendAsync(Get(url, ifNoneMatch: etag));
        var strongForm = await client.SendAsync(Get(url, ifNoneMatch: new EntityTagHeaderValue(etag.Tag)));
        var other = await client.SendAsync(Get(url, ifNoneMatch: new EntityTagHeaderValue("\"other\"", isWeak: true)));

        Assert.Equal(hits + 3, Pages.Hits);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, strongForm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await other.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Each_content_coding_and_theme_has_its_own_copy()
    {
        const string url = "/companies/coreweave";
        var client = app.NoRedirects();
        var variants = new (string? Encoding, string? Cookie)[] { (null, null), ("br", null), ("gzip", null), (null, "cd-theme=dark") };
        var firsts = new List<HttpResponseMessage>();
        foreach (var (encoding, cookie) in variants)
        {
            firsts.Add(await client.SendAsync(Get(url, encoding, cookie: cookie)));
        }

        var hits = Pages.Hits;
        for (var i = 0; i < variants.Length; i++)
        {
            var again = await client.SendAsync(Get(url, variants[i].Encoding, cookie: variants[i].Cookie));
            Assert.Equal(firsts[i].Content.Headers.ContentEncoding, again.Content.Headers.ContentEncoding);
            Assert.Equal(firsts[i].Headers.ETag, again.Headers.ETag);
            Assert.Equal(await firsts[i].Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(hits + variants.Length, Pages.Hits);
        Assert.Equal(["br"], firsts[1].Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], firsts[2].Content.Headers.ContentEncoding);
        Assert.NotEqual(firsts[0].Headers.ETag, firsts[3].Headers.ETag);
    }

    [Fact]
    public async Task After_an_edit_the_fast_path_serves_the_new_page()
    {
        const string url = "/deals/openai-coreweave-2025-03";
        var client = app.NoRedirects();
        await client.SendAsync(Get(url));
        var cached = await client.SendAsync(Get(url));
        Assert.DoesNotContain("renegotiate their March 2025 contract", await cached.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using (var db = app.CreateDbContext())
        {
            var deal = db.Deals.Single(d => d.Slug == "openai-coreweave-2025-03");
            deal.Title = "OpenAI and CoreWeave renegotiate their March 2025 contract";
            await db.SaveLikeAWriteAsync();
        }

        await app.Services.GetRequiredService<ContentCache>().InvalidateAsync();
        var after = await client.SendAsync(Get(url, ifNoneMatch: cached.Headers.ETag));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(cached.Headers.ETag, after.Headers.ETag);
        Assert.Contains("renegotiate their March 2025 contract", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_readers_and_responses_the_output_cache_does_not_keep_go_through_the_pipeline()
    {
        var editor = await app.SignedInClientAsync("fast-path-editor@example.com", Web.Features.Accounts.AppRoles.Editor);
        var anonymous = app.NoRedirects();
        await anonymous.SendAsync(Get("/deals/openai-coreweave-2025-05"));
        await anonymous.SendAsync(Get("/api/v1/deals"));
        var hits = Pages.Hits;

        var signedIn = await editor.GetAsync(new Uri("/deals/openai-coreweave-2025-05", UriKind.Relative));
        var json = await anonymous.SendAsync(Get("/api/v1/deals"));
        var login = await anonymous.SendAsync(Get("/account/login"));
        await anonymous.SendAsync(Get("/account/login"));

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(hits, Pages.Hits);
    }
}
