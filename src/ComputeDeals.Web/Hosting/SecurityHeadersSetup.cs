namespace ComputeDeals.Web.Hosting;

/// <summary>
/// Response headers every page carries. The Content-Security-Policy allows only this origin's
/// scripts (no inline script), inline styles (MudBlazor positions popovers with style attributes),
/// and connections (the Blazor circuit's WebSocket included: CSP 3 'self' covers ws/wss on the same host) only back to this origin.
/// </summary>
public static class SecurityHeadersSetup
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>
    /// The same policy for /embed/* (cards and charts made to be framed): any site may frame them.
    /// </summary>
    public static readonly string EmbedContentSecurityPolicy =
        ContentSecurityPolicy.Replace("frame-ancestors 'none'", "frame-ancestors *", StringComparison.Ordinal);

    /// <summary>The only path prefix other sites may frame.</summary>
    public const string FramablePrefix = "/embed";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var framable = context.Request.Path.StartsWithSegments(FramablePrefix, StringComparison.OrdinalIgnoreCase);
                headers["Content-Security-Policy"] = framable ? EmbedContentSecurityPolicy : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                if (!framable)
                {
                    headers.XFrameOptions = "DENY";
                }

                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
