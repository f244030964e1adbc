namespace ComputeDeals.Web.Features.Feeds;

/// <summary>Where the feeds live, and absolute URLs built from the current request.</summary>
public sealed class FeedLinks(string baseUrl)
{
    public const string DealsFeedPath = "/feeds/deals.atom";

    public const string ChangesFeedPath = "/feeds/changes.atom";

    public static FeedLinks For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new FeedLinks($"{request.Scheme}://{request.Host}{request.PathBase}");
    }

    public string Absolute(string path) => baseUrl + path;

    /// <summary>The feed of a timeline view: the same filter, first page (paging and page size dropped).</summary>
    public static string DealsFeedHref(DealFilter filter) => DealsFeedPath + FeedQuery.FeedView(filter).ToQueryString();

    public static string CompanyFeedPath(string slug) => $"/feeds/companies/{Uri.EscapeDataString(slug)}.atom";

    public static string DataCenterFeedPath(string slug) => $"/feeds/datacenters/{Uri.EscapeDataString(slug)}.atom";

    /// <summary>The page of an entity named in a change record.</summary>
    public static string EntityPath(EntityKind kind, string slug) => kind switch
    {
        EntityKind.Deal => "/deals/" + Uri.EscapeDataString(slug),
        EntityKind.DataCenter => "/datacenters/" + Uri.EscapeDataString(slug),
        _ => "/companies/" + Uri.EscapeDataString(slug),
    };
}
