using ComputeDeals.Web.Features.Corrections;

namespace ComputeDeals.Web.Features.AsRecorded;

/// <summary>
/// A permalink with ?asOf= or ?release= is answered by the as-recorded page: the request is routed
/// to /as-recorded/{kind}/{slug} before endpoint routing, so the permalink pages stay as they are.
/// </summary>
public static class AsRecordedRouting
{
    public const string Prefix = "/as-recorded";

    public static WebApplication UseAsRecordedPermalinks(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var request = context.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && (request.Query.ContainsKey("asOf") || request.Query.ContainsKey("release"))
                && request.Path.Value is { } path
                && path.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var segment, var slug]
                && CorrectionPaths.KindOf(segment) is not null)
            {
                request.Path = $"{Prefix}/{segment.ToLowerInvariant()}/{slug}";
            }

            return next(context);
        });
        return app;
    }
}
