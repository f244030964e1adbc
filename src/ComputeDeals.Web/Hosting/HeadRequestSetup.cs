namespace ComputeDeals.Web.Hosting;

/// <summary>
/// Answers HEAD like GET. Razor component pages and minimal APIs map GET only, so link checkers and
/// unfurlers that probe a permalink with HEAD would otherwise get 404 or 405. Kestrel still sends
/// no body for a HEAD request: it decides that from the request line, not from Request.Method.
/// </summary>
public static class HeadRequestSetup
{
    public static WebApplication UseHeadAsGet(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });

        // Routing must come after the rewrite so that the GET endpoint is chosen.
        app.UseRouting();
        return app;
    }
}
