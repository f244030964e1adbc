using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.Deals;

/// <summary>
/// Totals of the filtered deals announced in one calendar quarter. Value sums only deals whose
/// value is a total (a per-year or per-month value is counted in <see cref="PeriodicValueCount"/>
/// instead of being added to totals); undisclosed figures are counted, never taken as zero.
/// </summary>
public sealed record QuarterTotals(int Year, int Quarter, int DealCount, FigureRange Value, int PeriodicValueCount, FigureRange Capacity, int NoCapacityCount)
{
    public string Label => $"Q{Quarter} {Year}";
}

/// <summary>A company that can be picked in the timeline's company filter.</summary>
public sealed record CompanyChoice(string Slug, string Name);

/// <summary>Aggregates behind the timeline chart and the choices of its filter bar, computed in SQL.</summary>
public sealed class DealChartQuery(IDbContextFactory<AppDbContext> factory)
{
    /// <summary>Per-quarter sums for every filtered deal (paging and sort ignored), oldest quarter first, gaps filled.</summary>
    public async Task<IReadOnlyList<QuarterTotals>> ByQuarterAsync(DealFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        const FigureQualifier undisclosed = FigureQualifier.Undisclosed;
        const FigureQualifier upTo = FigureQualifier.UpTo;
        const FigureQualifier atLeast = FigureQualifier.AtLeast;

        // Per deal the same bounds as FigureRange.Of: an "up to" has no floor, an "at least" no ceiling.
        var rows = await DealQueryService.Apply(db, filter)
            .Select(d => new
            {
                d.AnnouncedOn.Year,
                Quarter = (d.AnnouncedOn.Month + 2) / 3,
                Total = d.ValuePeriod == ValuePeriod.Total,
                ValueDisclosed = d.Value.Qualifier != undisclosed && (d.Value.Low != null || d.Value.High != null),
                ValueLow = d.Value.Qualifier == upTo ? d.Value.Low ?? 0 : d.Value.Low ?? d.Value.High ?? 0,
                ValueHigh = d.Value.Qualifier == atLeast && d.Value.High == null ? d.Value.Low ?? 0 : d.Value.High ?? d.Value.Low ?? 0,
                ValueOpen = d.Value.Qualifier == atLeast && d.Value.High == null,
                CapacityDisclosed = d.Capacity != null && d.Capacity.Qualifier != undisclosed && (d.Capacity.Low != null || d.Capacity.High != null),
                CapacityLow = d.Capacity!.Qualifier == upTo ? d.Capacity.Low ?? 0 : d.Capacity.Low ?? d.Capacity.High ?? 0,
                CapacityHigh = d.Capacity!.Qualifier == atLeast && d.Capacity.High == null ? d.Capacity.Low ?? 0 : d.Capacity.High ?? d.Capacity.Low ?? 0,
                CapacityOpen = d.Capacity!.Qualifier == atLeast && d.Capacity.High == null,
            })
            .GroupBy(d => new { d.Year, d.Quarter })
            .Select(g => new
            {
                g.Key.Year,
                g.Key.Quarter,
                Count = g.Count(),
                Periodic = g.Count(d => !d.Total && d.ValueDisclosed),
                ValueCount = g.Count(d => d.Total || !d.ValueDisclosed),
                ValueUndisclosed = g.Count(d => !d.ValueDisclosed),
                ValueLow = g.Sum(d => d.Total && d.ValueDisclosed ? d.ValueLow : 0),
                ValueHigh = g.Sum(d => d.Total && d.ValueDisclosed ? d.ValueHigh : 0),
                ValueOpen = g.Count(d => d.Total && d.ValueDisclosed && d.ValueOpen),
                CapacityCount = g.Count(d => d.CapacityDisclosed),
                CapacityLow = g.Sum(d => d.CapacityDisclosed ? d.CapacityLow : 0),
                CapacityHigh = g.Sum(d => d.CapacityDisclosed ? d.CapacityHigh : 0),
                CapacityOpen = g.Count(d => d.CapacityDisclosed && d.CapacityOpen),
            })
            .ToListAsync(cancellationToken);

        var byQuarter = rows.ToDictionary(r => (r.Year, r.Quarter));
        if (byQuarter.Count == 0)
        {
            return [];
        }

        var first = byQuarter.Keys.Min();
        var last = byQuarter.Keys.Max();
        var result = new List<QuarterTotals>();
        for (var (year, quarter) = first; (year, quarter).CompareTo(last) <= 0; (year, quarter) = quarter == 4 ? (year + 1, 1) : (year, quarter + 1))
        {
            if (byQuarter.TryGetValue((year, quarter), out var r))
            {
                result.Add(new QuarterTotals(
                    year,
                    quarter,
                    r.Count,
                    new FigureRange(r.ValueLow, Math.Max(r.ValueLow, r.ValueHigh), r.ValueCount, r.ValueUndisclosed, r.ValueOpen),
                    r.Periodic,
                    new FigureRange(r.CapacityLow, Math.Max(r.CapacityLow, r.CapacityHigh), r.CapacityCount, 0, r.CapacityOpen),
                    r.Count - r.CapacityCount));
            }
            else
            {
                result.Add(new QuarterTotals(year, quarter, 0, FigureRange.Empty, 0, FigureRange.Empty, 0));
            }
        }

        return result;
    }

    /// <summary>Companies that are party to at least one published deal, by name.</summary>
    public async Task<IReadOnlyList<CompanyChoice>> CompaniesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Companies.AsNoTracking()
            .Where(c => !c.IsDeleted && db.DealParties.Any(p => p.CompanyId == c.Id && db.Deals.Any(d => d.Id == p.DealId && d.IsPublished)))
            .OrderBy(c => c.Name)
            .Select(c => new CompanyChoice(c.Slug, c.Name))
            .ToListAsync(cancellationToken);
    }
}
