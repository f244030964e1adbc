using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.DataCenters;

/// <summary>A published deal that holds (part of) a data center's capacity, with the MW share when known.</summary>
public sealed record CapacityHolder(DealSummary Deal, Figure? Share);

/// <summary>Everything the data center page shows.</summary>
public sealed record DataCenterProfile(DataCenter DataCenter, CapacityRow? Current, IReadOnlyList<CapacityHolder> Holders, DateOnly Today)
{
    public string Location => string.Join(", ", new[] { DataCenter.City, DataCenter.Region, DataCenter.Country }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>Loads a data center profile by slug; null when it does not exist or was deleted.</summary>
public sealed class DataCenterProfileQuery(IDbContextFactory<AppDbContext> factory, TimeProvider time)
{
    public async Task<DataCenterProfile?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var center = await db.DataCenters.AsNoTracking()
            .Where(d => d.Slug == slug && !d.IsDeleted)
            .Include(d => d.Operator)
            .Include(d => d.Capacity).ThenInclude(r => r.Source)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (center is null)
        {
            return null;
        }

        center.Capacity = [.. center.Capacity.OrderBy(r => r.EffectiveDate).ThenBy(r => r.Id)];
        var links = await db.DealDataCenters.AsNoTracking()
            .Where(x => x.DataCenterId == center.Id)
            .Select(x => new { x.DealId, x.Share })
            .ToListAsync(cancellationToken);
        var ids = links.Select(l => l.DealId).Distinct().ToList();
        var summaries = await DealQueryService.SummariesByIdAsync(db.Deals.Where(d => ids.Contains(d.Id)), cancellationToken);
        var holders = summaries
            .Select(s => new CapacityHolder(s.Value, links.First(l => l.DealId == s.Key).Share))
            .ToList();
        return new DataCenterProfile(center, center.CapacityAt(today), holders, today);
    }
}
