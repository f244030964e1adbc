using ComputeDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.Deals.Permalink;

/// <summary>Projects published deals into list rows for the company and data center pages.</summary>
public static class DealSummaries
{
    public static async Task<Dictionary<int, DealSummary>> LoadAsync(IQueryable<Deal> deals, CancellationToken cancellationToken)
    {
        var rows = await deals.AsNoTracking()
            .Where(d => d.IsPublished)
            .Select(d => new
            {
                d.Id,
                d.Slug,
                d.Title,
                d.AnnouncedOn,
                d.AnnouncedPrecision,
                d.Type,
                d.Status,
                Parties = d.Parties.OrderBy(p => p.Id).Select(p => new PartySummary(p.Company!.Slug, p.Company.Name, p.Role)).ToList(),
                d.Value,
                d.ValuePeriod,
                d.Capacity,
                d.Summary,
            })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(d => d.AnnouncedOn).ThenBy(d => d.Title, StringComparer.Ordinal)
            .ToDictionary(
                d => d.Id,
                d => new DealSummary(d.Slug, d.Title, d.AnnouncedOn, d.AnnouncedPrecision, d.Type, d.Status, d.Parties, d.Value, d.ValuePeriod, d.Capacity, d.Summary));
    }
}
