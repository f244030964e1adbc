using ComputeDeals.Core.Analytics;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.Home;

/// <summary>The home page's headline numbers over published deals.</summary>
/// <param name="DealsTracked">Published deals.</param>
/// <param name="TotalValue">
/// The value of every deal that counts, over its whole term (<see cref="DealTotals"/>: the same sum as the
/// timeline chart and the quarterly analytics; undisclosed values are counted, not taken as zero).
/// </param>
/// <param name="ContractedCapacity">MW of the capacity deals that count (<see cref="DealTerms.MovesCapacity"/>).</param>
public sealed record HomeFigures(int DealsTracked, FigureRange TotalValue, FigureRange ContractedCapacity);

/// <summary>Computes <see cref="HomeFigures"/> from the store.</summary>
public sealed class HomeFiguresQuery(IDbContextFactory<AppDbContext> factory)
{
    public async Task<HomeFigures> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var deals = await DealInputs.Project(db.Deals.AsNoTracking().Where(d => d.IsPublished)).AsSplitQuery().ToListAsync(cancellationToken);
        var all = DealTotals.Of(deals);
        var capacity = DealTotals.Of(deals.Where(d => DealTerms.MovesCapacity(d.Type)));
        return new HomeFigures(deals.Count, all.Value, capacity.Mw);
    }
}
