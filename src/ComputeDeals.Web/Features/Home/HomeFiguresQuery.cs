using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.Home;

/// <summary>The home page's headline numbers over published, not cancelled deals.</summary>
/// <param name="DealsTracked">Published deals.</param>
/// <param name="TotalValue">Sum of the values stated as a total (undisclosed ones counted, not taken as zero).</param>
/// <param name="RecurringValueDeals">Deals whose value is per year or per month, left out of the total.</param>
/// <param name="ContractedCapacity">Sum of the MW of capacity deals (sale/lease, cloud commitment), announced or closed.</param>
public sealed record HomeFigures(int DealsTracked, FigureRange TotalValue, int RecurringValueDeals, FigureRange ContractedCapacity);

/// <summary>Computes <see cref="HomeFigures"/> from the store.</summary>
public sealed class HomeFiguresQuery(IDbContextFactory<AppDbContext> factory)
{
    public async Task<HomeFigures> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var deals = await db.Deals.AsNoTracking()
            .Where(d => d.IsPublished)
            .Select(d => new { d.Type, d.Status, d.Value, d.ValuePeriod, d.Capacity })
            .ToListAsync(cancellationToken);
        var live = deals.Where(d => d.Status != DealStatus.Cancelled).ToList();
        var totalValue = FigureRange.Sum(live.Where(d => d.ValuePeriod == ValuePeriod.Total).Select(d => d.Value));
        var recurring = live.Count(d => d.ValuePeriod != ValuePeriod.Total);
        var capacity = FigureRange.Sum(live
            .Where(d => d.Type is DealType.CapacitySaleOrLease or DealType.CloudCommitment)
            .Where(d => d.Status is DealStatus.Announced or DealStatus.Closed)
            .Select(d => d.Capacity));
        return new HomeFigures(deals.Count, totalValue, recurring, capacity);
    }
}
