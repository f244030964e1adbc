namespace ComputeDeals.Web.Api;

/// <summary>How the endpoint groups of the open-data API map and document their operations.</summary>
public static class ApiRoutes
{
    /// <summary>
    /// Names and describes one operation in the OpenAPI document: an operation id (unique), a one-line
    /// summary and a description. Every operation has all three (the linter's recommended rules ask for them).
    /// </summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder endpoint, string name, string summary, string description) =>
        endpoint.WithName(name).WithSummary(summary).WithDescription(description);

    /// <summary>
    /// A collection of records: its list at <paramref name="path"/> and one record at <paramref name="path"/>/{slug},
    /// which answers a 404 problem for an unknown slug. Both operations are filed under <paramref name="tag"/>.
    /// </summary>
    public static (RouteHandlerBuilder List, RouteHandlerBuilder Get) MapCollection(
        this IEndpointRouteBuilder api, string path, string tag, Delegate list, Delegate get)
    {
        var group = api.MapGroup(path).WithTags(tag);
        return (group.MapGet(string.Empty, list), group.MapGet("/{slug}", get).ProducesProblem(StatusCodes.Status404NotFound));
    }
}
