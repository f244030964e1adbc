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

    public static string CompanyFeedPath(string slug) => RecordFeedPath(EntityKind.Company, slug);

    public static string DataCenterFeedPath(string slug) => RecordFeedPath(EntityKind.DataCenter, slug);

    /// <summary>The feed of one company's or data center's deals: its page's path under /feeds, as .atom.</summary>
    public static string RecordFeedPath(EntityKind kind, string slug) => "/feeds" + EntityPath(kind, slug) + ".atom";

    /// <summary>The title of one company's or data center's feed.</summary>
    public static string RecordFeedTitle(string name) => $"ComputeDeals: {name} deals";

    /// <summary>The page of an entity (a valuation's is its company's): /deals, /datacenters or /companies and the slug.</summary>
    public static string EntityPath(EntityKind kind, string slug) => "/" + Collection(kind) + "/" + Uri.EscapeDataString(slug);

    /// <summary>The path segment of a kind's pages and feeds.</summary>
    public static string Collection(EntityKind kind) => kind switch
    {
        EntityKind.Deal => "deals",
        EntityKind.DataCenter => "datacenters",
        _ => "companies",
    };
}
