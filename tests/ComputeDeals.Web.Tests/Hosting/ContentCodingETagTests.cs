using System.Net;
using System.Net.Http.Headers;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Releases;
using ComputeDeals.Web.Tests.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Hosting;

/// <summary>
/// RFC 9110 8.8.3: a strong ETag names one representation, and the brotli, gzip and identity bodies
/// of the same JSON or Atom document are three. Each gets its own tag ("-br" / "-gz" inside the
/// quotes), If-None-Match answers 304 only for the coding it was given for, and Vary says so.
/// </summary>
public class ContentCodingETagTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private static readonly string?[] Codings = [null, "br", "gzip"];

    private static HttpRequestMessage Get(string url, string? encoding, EntityTagHeaderValue? ifNoneMatch = null)
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

        return request;
    }

    [Theory]
    [InlineData("/api/v1/deals")]
    [InlineData("/api/v1/deals/openai-coreweave-2025-05")]
    [InlineData("/api/v1/companies/coreweave")]
    [InlineData("/feeds/deals.atom")]
    [InlineData("/feeds/companies/coreweave.atom")]
    public async Task Each_content_coding_has_its_own_strong_etag_and_304_is_for_that_coding_only(string url) =>
        await AssertOneTagPerCodingAsync(url);

    [Fact]
    public async Task A_release_json_has_a_tag_per_coding_and_its_zip_keeps_the_bare_checksum()
    {
        var release = await app.Services.CreateScope().ServiceProvider.GetRequiredService<ReleaseService>().CreateAsync("etag-test");

        var tags = await AssertOneTagPerCodingAsync($"/data/releases/{release.Id}.json");

        Assert.Equal($"\"{release.JsonSha256}\"", tags[0].Tag);
        var zip = await app.NoRedirects().SendAsync(Get($"/data/releases/{release.Id}.zip", "br"));
        Assert.Empty(zip.Content.Headers.ContentEncoding);
        Assert.Equal($"\"{release.ZipSha256}\"", zip.Headers.ETag?.Tag);
    }

    /// <summary>Fetches the URL in each coding and checks the tags, the 304s and Vary; returns the identity, br and gzip tags.</summary>
    private async Task<EntityTagHeaderValue[]> AssertOneTagPerCodingAsync(string url)
    {
        var client = app.NoRedirects();
        var responses = new List<HttpResponseMessage>();
        foreach (var coding in Codings)
        {
            var response = await client.SendAsync(Get(url, coding));
            Assert.Equal((url, coding, HttpStatusCode.OK), (url, coding, response.StatusCode));
            Assert.Equal(coding is null ? Array.Empty<string>() : new[] { coding }, response.Content.Headers.ContentEncoding);
            Assert.Single(response.Headers.Vary, v => v == "Accept-Encoding");
            responses.Add(response);
        }

        var tags = responses.Select(r => r.Headers.ETag!).ToArray();
        Assert.All(tags, tag => Assert.False(tag.IsWeak, $"{url}: {tag} is weak"));
        Assert.Equal(3, tags.Select(t => t.Tag).Distinct(StringComparer.Ordinal).Count());
        var identity = tags[0].Tag.Trim('"');
        Assert.Equal([$"\"{identity}-br\"", $"\"{identity}-gz\""], tags[1..].Select(t => t.Tag));

        for (var i = 0; i < Codings.Length; i++)
        {
            // The coding's own tag: 304, with the same tag and Vary.
            var again = await client.SendAsync(Get(url, Codings[i], tags[i]));
            Assert.Equal((url, Codings[i], HttpStatusCode.NotModified), (url, Codings[i], again.StatusCode));
            Assert.Equal(tags[i], again.Headers.ETag);
            Assert.Contains("Accept-Encoding", again.Headers.Vary);

            // Another coding's tag (a client that cached the identity body now asking for brotli): the full body in the coding asked for.
            var other = tags[(i + 1) % tags.Length];
            var full = await client.SendAsync(Get(url, Codings[i], other));
            Assert.Equal((url, Codings[i], HttpStatusCode.OK), (url, Codings[i], full.StatusCode));
            Assert.Equal(tags[i], full.Headers.ETag);
            Assert.Equal(await responses[i].Content.ReadAsByteArrayAsync(), await full.Content.ReadAsByteArrayAsync());
        }

        return tags;
    }
}
