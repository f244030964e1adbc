using ComputeDeals.Core.Domain;

namespace ComputeDeals.Web.Features.Deals.Permalink;

/// <summary>Projects published deals into list rows for the company and data center pages.</summary>
public static class DealSummaries
{
    public static Task<Dictionary<int, DealSummary>> LoadAsync(IQueryable<Deal> deals, CancellationToken cancellationToken) =>
        DealQueryService.SummariesByIdAsync(deals, cancellationToken);
}
