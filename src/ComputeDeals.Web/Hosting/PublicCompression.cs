using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace ComputeDeals.Web.Hosting;

/// <summary>
/// Brotli and gzip for public HTML, JSON, CSV, Atom and SVG. The middleware runs inside the output
/// cache, so a cached page stores the compressed bytes of each encoding once (the content policy
/// varies by <see cref="EncodingFor"/>) and a cache hit is served without compressing again.
/// Editor, account, admin and suggestion pages are not compressed: they carry antiforgery tokens
/// next to what the reader typed, the mix that compression over TLS can leak (BREACH).
/// </summary>
public static class PublicCompression
{
    private static readonly string[] PrivatePrefixes = ["/editor", "/admin", "/account", "/suggest", "/_blazor"];

    public static WebApplicationBuilder AddPublicCompression(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "text/csv", "application/atom+xml", "application/problem+json", "image/svg+xml"];
        });
        // Cached pages are compressed once per snapshot, so the better ratio is worth its time.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return builder;
    }

    /// <summary>Compresses public responses; call right after UseOutputCache.</summary>
    public static IApplicationBuilder UsePublicCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => IsPublic(context.Request.Path), branch => branch.UseResponseCompression());

    public static bool IsPublic(PathString path) =>
        !PrivatePrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A strong ETag for a body this middleware may compress: the opaque hex of a hash of the
    /// uncompressed bytes, with "-br" or "-gz" inside the quotes when the response goes out in that
    /// coding. RFC 9110 8.8.3: a strong validator must differ between representations, and the
    /// brotli, gzip and identity bodies are three; one string is allocated. Sets Vary: Accept-Encoding
    /// on a public response (the middleware only adds it when the request accepts a coding, and the
    /// identity body and a 304 need it too).
    /// </summary>
    public static string StrongETag(ReadOnlySpan<byte> hash, HttpContext context)
    {
        var suffix = ETagSuffix(context);
        Span<char> tag = stackalloc char[(hash.Length * 2) + suffix.Length + 2];
        tag[0] = '"';
        Convert.TryToHexStringLower(hash, tag[1..], out var written);
        suffix.CopyTo(tag[(1 + written)..]);
        tag[^1] = '"';
        return new string(tag);
    }

    /// <summary>As <see cref="StrongETag(ReadOnlySpan{byte}, HttpContext)"/>, for a checksum already written as text.</summary>
    public static string StrongETag(string opaque, HttpContext context) => string.Concat("\"", opaque, ETagSuffix(context), "\"");

    /// <summary>"-br", "-gz" or nothing (identity), for the coding <see cref="EncodingFor"/> picks; marks a public response Vary: Accept-Encoding.</summary>
    private static string ETagSuffix(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsPublic(context.Request.Path))
        {
            return string.Empty;
        }

        var headers = context.Response.Headers;
        var varies = false;
        foreach (var value in headers.Vary)
        {
            varies |= value?.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase) == true;
        }

        if (!varies)
        {
            headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }

        return EncodingFor(context) switch
        {
            "br" => "-br",
            "gzip" => "-gz",
            _ => string.Empty,
        };
    }

    /// <summary>The content coding the compression middleware will choose for this request ("br", "gzip" or "identity").</summary>
    public static string EncodingFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsPublic(context.Request.Path))
        {
            return "identity";
        }

        var provider = context.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        return provider.CheckRequestAcceptsCompression(context) ? provider.GetCompressionProvider(context)?.EncodingName ?? "identity" : "identity";
    }
}
