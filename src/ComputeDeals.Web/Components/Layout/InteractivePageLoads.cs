using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Http.Extensions;

namespace ComputeDeals.Web.Components.Layout;

/// <summary>
/// Makes every way into an interactive page (editor, admin) a full page load. Static pages carry neither
/// MudBlazor's stylesheet nor its script (<c>Components/App.razor</c>), and Blazor's enhanced navigation
/// patches the current document without running scripts the new page adds, so an editor reached by an
/// enhanced link, form redirect or <c>Blazor.navigateTo</c> from a static page would start its circuit
/// without MudBlazor's JavaScript. When an enhanced-navigation GET (Accept: <c>text/html;
/// blazor-enhanced-nav=on</c>) targets a Razor component page that is not excluded from interactive
/// routing, the answer is Blazor's own "load this URL yourself" reply (the
/// <c>blazor-enhanced-nav-redirect-location</c> header it also sends for redirects it cannot follow), so the
/// browser replaces the entry with a normal load of the same URL. Links need no <c>data-enhance-nav</c>.
/// </summary>
public static class InteractivePageLoads
{
    /// <summary>Part of the Accept header that blazor.web.js sends with every enhanced-navigation request.</summary>
    public const string EnhancedNavigationAccept = "blazor-enhanced-nav=on";

    /// <summary>The response header that tells blazor.web.js to load the URL it names as a new document.</summary>
    public const string LoadHeader = "blazor-enhanced-nav-redirect-location";

    public static WebApplication UseInteractivePageLoads(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (IsEnhancedNavigationToInteractivePage(context))
            {
                // "allow" first: blazor.web.js treats a 2xx reply without it as a non-Blazor endpoint.
                context.Response.Headers["blazor-enhanced-nav"] = "allow";
                context.Response.Headers[LoadHeader] = UriHelper.BuildRelative(context.Request.PathBase, context.Request.Path, context.Request.QueryString);
                context.Response.Headers.CacheControl = "no-store";
                return;
            }

            await next(context);
        });
        return app;
    }

    private static bool IsEnhancedNavigationToInteractivePage(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && context.Request.Headers.Accept.Any(accept => accept?.Contains(EnhancedNavigationAccept, StringComparison.OrdinalIgnoreCase) == true)
        && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
        && context.AcceptsInteractiveRouting();
}
