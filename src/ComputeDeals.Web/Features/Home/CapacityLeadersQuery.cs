using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.Home;

/// <summary>A company's owned data-center power at a date: operational, and planned or under construction.</summary>
public sealed record CapacityLeader(string Slug, string Name, CompanyKind Kind, FigureRange Operational, FigureRange Pipeline, int DataCenters);

/// <summary>
/// Owned MW per operator: the sum over its data centers of the capacity row in force at the date
/// (CapacityTimeline.At). This is the single shared owned-MW query until the analytics service
/// (Core/Analytics) lands; then this class should delegate to it rather than keep a second formula.
/// </summary>
public sealed class CapacityLeadersQuery(IDbContextFactory<AppDbContext> factory, TimeProvider time)
{
    public async Task<IReadOnlyList<CapacityLeader>> TopAsync(int take, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var date = asOf ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var centers = await db.DataCenters.AsNoTracking()
            .Where(d => !d.IsDeleted && d.Operator != null && !d.Operator.IsDeleted)
            .Include(d => d.Operator)
            .Include(d => d.Capacity)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return centers
            .Select(d => (Center: d, Row: d.CapacityAt(date)))
            .Where(x => x.Row is not null)
            .GroupBy(x => x.Center.OperatorId)
            .Select(g =>
            {
                var company = g.First().Center.Operator!;
                var operational = FigureRange.Sum(g.Where(x => x.Row!.Status == FacilityStatus.Operational).Select(x => x.Row!.Power));
                var pipeline = FigureRange.Sum(g.Where(x => x.Row!.Status is FacilityStatus.Planned or FacilityStatus.UnderConstruction).Select(x => x.Row!.Power));
                return new CapacityLeader(company.Slug, company.Name, company.Kind, operational, pipeline, g.Count());
            })
            .OrderByDescending(l => l.Operational.Low)
            .ThenByDescending(l => l.Pipeline.Low)
            .ThenBy(l => l.Name, StringComparer.Ordinal)
            .Take(take)
            .ToList();
    }
}
