using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using ComputeDeals.Testing;
using ComputeDeals.Web.Tests.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComputeDeals.Web.Tests.Hosting;

/// <summary>A compression provider that counts the streams it opens: each is one compression of a response.</summary>
public sealed class CountingCompressionProvider(ICompressionProvider inner) : ICompressionProvider
{
    private int _streams;

    public int Streams => Volatile.Read(ref _streams);

    public string EncodingName => inner.EncodingName;

    public bool SupportsFlush => inner.SupportsFlush;

    public Stream CreateStream(Stream outputStream)
    {
        Interlocked.Increment(ref _streams);
        return inner.CreateStream(outputStream);
    }
}

/// <summary>The app with counting Brotli and gzip providers in place of the real ones (same encoders inside).</summary>
public sealed class CompressionCountingAppFactory : TestAppFactory
{
    public CompressionCountingAppFactory()
    {
        WithServices(services => services.Configure<ResponseCompressionOptions>(options =>
        {
            options.Providers.Clear();
            options.Providers.Add(Brotli);
            options.Providers.Add(Gzip);
        }));
    }

    public CountingCompressionProvider Brotli { get; } = new(new BrotliCompressionProvider(Options.Create(new BrotliCompressionProviderOptions())));

    public CountingCompressionProvider Gzip { get; } = new(new GzipCompressionProvider(Options.Create(new GzipCompressionProviderOptions())));
}

/// <summary>Cached public pages answer If-None-Match with 304, and public responses come compressed, compressed once when cached.</summary>
public class ConditionalAndCompressedTests(CompressionCountingAppFactory app) : IClassFixture<CompressionCountingAppFactory>
{
    private static HttpRequestMessage Get(string url, string? encoding = null, EntityTagHeaderValue? ifNoneMatch = null, bool dark = false)
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

        if (dark)
        {
            request.Headers.Add("Cookie", "cd-theme=dark");
        }

        return request;
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Stream stream = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress),
            null => new MemoryStream(bytes),
            var other => throw new InvalidOperationException("Unexpected content coding " + other),
        };
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    [Theory]
    [InlineData("/deals/openai-coreweave-2025-05")]
    [InlineData("/deals")]
    [InlineData("/")]
    [InlineData("/companies/anthropic")]
    public async Task A_cached_page_answers_a_matching_If_None_Match_with_304(string url)
    {
        var client = app.NoRedirects();
        var first = await client.SendAsync(Get(url));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak);

        var notModified = await client.SendAsync(Get(url, ifNoneMatch: etag));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        var other = await client.SendAsync(Get(url, ifNoneMatch: new EntityTagHeaderValue("\"something-else\"", isWeak: true)));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(etag, other.Headers.ETag);

        // The dark theme is another representation of the same URL: another ETag, no 304 for the light one.
        var dark = await client.SendAsync(Get(url, ifNoneMatch: etag, dark: true));
        Assert.Equal(HttpStatusCode.OK, dark.StatusCode);
        Assert.NotEqual(etag, dark.Headers.ETag);
    }

    [Fact]
    public async Task After_an_edit_the_old_ETag_gets_the_new_page()
    {
        const string url = "/deals/openai-coreweave-2025-03";
        var client = app.NoRedirects();
        var before = await client.SendAsync(Get(url));
        var etag = before.Headers.ETag!;

        await using (var db = app.CreateDbContext())
        {
            var deal = db.Deals.Single(d => d.Slug == "openai-coreweave-2025-03");
            deal.Title = "OpenAI and CoreWeave expand their March 2025 contract";
            await db.SaveLikeAWriteAsync();
        }

        await app.Services.GetRequiredService<Web.Hosting.ContentCache>().InvalidateAsync();
        var after = await client.SendAsync(Get(url, ifNoneMatch: etag));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.Contains("expand their March 2025 contract", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/deals/openai-coreweave-2025-05")]
    [InlineData("/deals?type=CloudCommitment")]
    [InlineData("/api/v1/deals")]
    [InlineData("/api/v1/companies")]
    [InlineData("/search?q=coreweave")]
    public async Task Public_responses_come_in_brotli_or_gzip_with_the_same_content(string url)
    {
        var client = app.NoRedirects();
        var plain = await client.SendAsync(Get(url));
        var brotli = await client.SendAsync(Get(url, "br"));
        var gzip = await client.SendAsync(Get(url, "gzip"));

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", brotli.Headers.Vary);
        var text = await BodyAsync(plain);
        Assert.Equal(Outline(text), Outline(await BodyAsync(brotli)));
        Assert.Equal(Outline(text), Outline(await BodyAsync(gzip)));
        Assert.True((await brotli.Content.ReadAsByteArrayAsync()).Length < text.Length / 2);
    }

    /// <summary>
    /// What must agree between two renderings: JSON exactly; for HTML (whose every render carries
    /// fresh element ids and component markers) the title, headings and links.
    /// </summary>
    private static string Outline(string body)
    {
        if (!body.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        var page = PageClient.ParseAsync(body).GetAwaiter().GetResult();
        return string.Join('\n', [page.Title ?? "", .. page.QuerySelectorAll("h1, h2, a[href]").Select(e => e.TextContent.Trim() + " " + e.GetAttribute("href"))]);
    }

    [Fact]
    public async Task A_cached_page_is_compressed_once_and_then_served_from_the_stored_bytes()
    {
        const string url = "/companies/coreweave";
        var client = app.NoRedirects();
        var first = await client.SendAsync(Get(url, "br"));
        Assert.Equal(["br"], first.Content.Headers.ContentEncoding);
        var stored = await first.Content.ReadAsByteArrayAsync();

        var before = app.Brotli.Streams;
        var again = await client.SendAsync(Get(url, "gzip, br"));
        var third = await client.SendAsync(Get(url, "br"));

        Assert.Equal(before, app.Brotli.Streams);
        Assert.Equal(stored, await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(stored, await third.Content.ReadAsByteArrayAsync());

        // A response that is not output-cached is compressed on every request: the counter does count.
        await client.SendAsync(Get("/api/v1/datacenters", "br"));
        Assert.Equal(before + 1, app.Brotli.Streams);
    }

    [Fact]
    public async Task Pages_with_forms_and_tokens_are_not_compressed()
    {
        var response = await app.NoRedirects().SendAsync(Get("/account/login", "br, gzip"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }
}
