using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace ComputeDeals.Web.Hosting;

/// <summary>
/// Lets the output cache store static SSR pages. Because the app also has interactive render
/// modes, Blazor emits an antiforgery cookie (and "no-cache, no-store") on every page, and the
/// default policy refuses to cache a response that sets a cookie. Public pages under
/// <see cref="ContentCache.Policy"/> have no POST forms, so just before their headers are sent the
/// antiforgery cookie is dropped (pages with forms get their own when they render) and a short
/// public Cache-Control replaces no-store. Any other cookie still prevents caching.
/// </summary>
public sealed class StaticPageCachePolicy : IOutputCachePolicy
{
    private const string AntiforgeryCookiePrefix = ".AspNetCore.Antiforgery.";

    /// <summary>Browsers may reuse a page for a minute; the server copy is evicted on every edit.</summary>
    public const string BrowserCacheControl = "public, max-age=60";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.EnableOutputCaching && HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            var response = context.HttpContext.Response;
            response.OnStarting(() =>
            {
                DropAntiforgeryCookie(response);
                return Task.CompletedTask;
            });
        }

        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    private static void DropAntiforgeryCookie(HttpResponse response)
    {
        var cookies = response.Headers.SetCookie;
        var kept = cookies.Where(c => c is not null && !c.StartsWith(AntiforgeryCookiePrefix, StringComparison.Ordinal)).ToArray();
        if (response.StatusCode != StatusCodes.Status200OK || kept.Length == cookies.Count)
        {
            return;
        }

        response.Headers.SetCookie = kept;
        response.Headers.Pragma = default;
        response.Headers.CacheControl = BrowserCacheControl;
        // The theme cookie changes the HTML (see the content policy's theme variation).
        response.Headers.Vary = StringValues.Concat(response.Headers.Vary, "Cookie");
    }
}
