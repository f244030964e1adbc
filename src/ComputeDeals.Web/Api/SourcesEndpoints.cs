using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Api;

/// <summary>/api/v1/sources: every report cited by published data.</summary>
public static class SourcesEndpoints
{
    public static IEndpointRouteBuilder MapSourcesApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/sources", ListAsync)
            .WithTags("Sources")
            .WithName("ListSources")
            .WithSummary("List sources")
            .WithDescription("Every source cited by a published deal, a valuation or a data center's capacity row, newest first. "
                + "Sources cited only by drafts are left out.");
        return api;
    }

    private static async Task<CachedJson<ListResponse<SourceDto>>> ListAsync(IDbContextFactory<AppDbContext> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var items = await db.Sources.AsNoTracking()
            .Where(s => db.DealSources.Any(ds => ds.SourceId == s.Id && db.Deals.Any(d => d.Id == ds.DealId && d.IsPublished))
                || db.Valuations.Any(v => v.SourceId == s.Id && !v.Company!.IsDeleted)
                || db.CapacityRows.Any(r => r.SourceId == s.Id && db.DataCenters.Any(d => d.Id == r.DataCenterId && !d.IsDeleted)))
            .OrderByDescending(s => s.PublishedOn).ThenBy(s => s.Id)
            .Select(s => new SourceDto(s.Id, s.Url, s.Title, s.Publisher, s.PublishedOn))
            .ToListAsync(cancellationToken);
        return new CachedJson<ListResponse<SourceDto>>(new(items, items.Count, null));
    }
}
