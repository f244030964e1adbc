namespace ComputeDeals.Web.Api;

/// <summary>The open-data API: one /api/v1 group that every endpoint group of the API is mapped into.</summary>
public static class OpenDataApi
{
    /// <summary>The version prefix, written once.</summary>
    public const string Prefix = "/api/v1";

    /// <summary>True for a request path inside the API (<see cref="Prefix"/> or below it).</summary>
    public static bool Contains(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for an endpoint's route pattern (relative, as the API explorer gives it) inside the API.</summary>
    public static bool ContainsRoute(string? relativePath) => relativePath is not null && Contains("/" + relativePath);

    /// <summary>Maps deals, companies, data centers, valuations, sources, CSV exports and analytics under <see cref="Prefix"/>.</summary>
    public static WebApplication MapOpenDataApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix);
        api.MapDealsApi();
        api.MapCompaniesApi();
        api.MapDataCentersApi();
        api.MapValuationsApi();
        api.MapSourcesApi();
        api.MapCsvExports();
        api.MapAnalyticsApi();
        return app;
    }
}
