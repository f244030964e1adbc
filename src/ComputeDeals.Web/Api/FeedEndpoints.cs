using ComputeDeals.Web.Features.Feeds;

namespace ComputeDeals.Web.Api;

/// <summary>
/// Atom feeds: /feeds/deals.atom with any timeline filter, one per company and per data center,
/// and /feeds/changes.atom. Output-cached per URL; ETag and Last-Modified answer repeats with 304.
/// </summary>
public static class FeedEndpoints
{
    public static WebApplication MapFeeds(this WebApplication app)
    {
        var group = app.MapGroup("/feeds").WithTags("Feeds").CacheOutput(ContentCache.Policy);
        group.MapGet("/deals.atom", DealsAsync)
            .Describe("DealsAtomFeed", "Atom feed of a timeline view", $"Takes the /deals filters (q, company, type, status, from, to, minValue, minMw, sort, dir) and lists the same rows as "
                + $"the page's first page ({FeedQuery.EntryCount} entries); page and pageSize are ignored. A bad filter answers 400 as the API does.")
            .ProducesValidationProblem();
        group.MapGet("/companies/{slug}.atom", CompanyAsync)
            .Describe("CompanyAtomFeed", "Atom feed of a company's deals", "Published deals in which the company has any role, newest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/datacenters/{slug}.atom", DataCenterAsync)
            .Describe("DataCenterAtomFeed", "Atom feed of a data center's deals", "Published deals that hold part of the data center's capacity, newest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/changes.atom", ChangesAsync)
            .Describe("ChangesAtomFeed", "Atom feed of published corrections and updates", $"The {FeedQuery.EntryCount} latest changes to published records, each listing the fields that changed (old → new).");
        return app;
    }

    private static async Task<Results<AtomResult, ValidationProblem>> DealsAsync(
        [AsParameters] DealQueryParameters parameters, HttpRequest request, FeedQuery feeds, CancellationToken cancellationToken)
    {
        var parsed = parameters.Parse();
        if (!parsed.IsValid)
        {
            return ApiProblems.InvalidQuery(parsed.Errors);
        }

        return new AtomResult(await feeds.DealsAsync(parsed.Filter, FeedLinks.For(request), cancellationToken));
    }

    private static async Task<Results<AtomResult, ProblemHttpResult>> CompanyAsync(
        string slug, HttpRequest request, FeedQuery feeds, CancellationToken cancellationToken) =>
        await feeds.CompanyAsync(slug, FeedLinks.For(request), cancellationToken) is { } feed
            ? new AtomResult(feed)
            : ApiProblems.NotFound("company", slug);

    private static async Task<Results<AtomResult, ProblemHttpResult>> DataCenterAsync(
        string slug, HttpRequest request, FeedQuery feeds, CancellationToken cancellationToken) =>
        await feeds.DataCenterAsync(slug, FeedLinks.For(request), cancellationToken) is { } feed
            ? new AtomResult(feed)
            : ApiProblems.NotFound("data center", slug);

    private static async Task<AtomResult> ChangesAsync(HttpRequest request, FeedQuery feeds, CancellationToken cancellationToken) =>
        new(await feeds.ChangesAsync(FeedLinks.For(request), cancellationToken));
}
