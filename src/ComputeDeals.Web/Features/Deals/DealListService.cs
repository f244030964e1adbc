using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.Deals;

/// <summary>Reads published deals as list rows, newest first.</summary>
public sealed class DealListService(IDbContextFactory<AppDbContext> factory)
{
    public async Task<IReadOnlyList<DealSummary>> LatestAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var deals = await db.Deals.AsNoTracking()
            .Where(d => d.IsPublished)
            .OrderByDescending(d => d.AnnouncedOn).ThenBy(d => d.Title)
            .Take(take)
            .Select(d => new
            {
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
        return deals.Select(d => new DealSummary(
            d.Slug, d.Title, d.AnnouncedOn, d.AnnouncedPrecision, d.Type, d.Status, d.Parties, d.Value, d.ValuePeriod, d.Capacity, d.Summary)).ToList();
    }
}
