using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

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
