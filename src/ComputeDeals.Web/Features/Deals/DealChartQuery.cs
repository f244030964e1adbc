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

/// <summary>Aggregates behind the timeline chart and the choices of its filter bar.</summary>
public sealed class DealChartQuery(IDbContextFactory<AppDbContext> factory)
{
    /// <summary>Per-quarter sums for every filtered deal (paging and sort ignored), oldest quarter first, gaps filled.</summary>
    public async Task<IReadOnlyList<QuarterTotals>> ByQuarterAsync(DealFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Streamed and summed here with FigureRange, the one definition of how figures add up
        // (EF Core cannot group over the owned Figure columns). Scalar columns only: no entity
        // materialization, so 100,000 rows stream in a fraction of the time.
        var byQuarter = new Dictionary<(int Year, int Quarter), QuarterTotals>();
        var rows = DealQueryService.Apply(db, filter)
            .Select(d => new
            {
                d.AnnouncedOn,
                d.ValuePeriod,
                ValueLow = d.Value.Low,
                ValueHigh = d.Value.High,
                ValueQualifier = d.Value.Qualifier,
                CapacityLow = d.Capacity == null ? null : d.Capacity.Low,
                CapacityHigh = d.Capacity == null ? null : d.Capacity.High,
                CapacityQualifier = d.Capacity == null ? (FigureQualifier?)null : d.Capacity.Qualifier,
            })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var key = (row.AnnouncedOn.Year, (row.AnnouncedOn.Month + 2) / 3);
            var totals = byQuarter.TryGetValue(key, out var found)
                ? found
                : new QuarterTotals(key.Year, key.Item2, 0, FigureRange.Empty, 0, FigureRange.Empty, 0);
            var value = new Figure { Low = row.ValueLow, High = row.ValueHigh, Qualifier = row.ValueQualifier };
            var capacity = row.CapacityQualifier is { } qualifier ? new Figure { Low = row.CapacityLow, High = row.CapacityHigh, Qualifier = qualifier } : null;
            var periodic = row.ValuePeriod != ValuePeriod.Total && value.IsDisclosed;
            var hasCapacity = capacity is { IsDisclosed: true };
            byQuarter[key] = totals with
            {
                DealCount = totals.DealCount + 1,
                Value = periodic ? totals.Value : totals.Value + FigureRange.Of(value),
                PeriodicValueCount = totals.PeriodicValueCount + (periodic ? 1 : 0),
                Capacity = hasCapacity ? totals.Capacity + FigureRange.Of(capacity) : totals.Capacity,
                NoCapacityCount = totals.NoCapacityCount + (hasCapacity ? 0 : 1),
            };
        }

        if (byQuarter.Count == 0)
        {
            return [];
        }

        var first = byQuarter.Keys.Min();
        var last = byQuarter.Keys.Max();
        var result = new List<QuarterTotals>();
        for (var (year, quarter) = first; (year, quarter).CompareTo(last) <= 0; (year, quarter) = quarter == 4 ? (year + 1, 1) : (year, quarter + 1))
        {
            result.Add(byQuarter.TryGetValue((year, quarter), out var totals)
                ? totals
                : new QuarterTotals(year, quarter, 0, FigureRange.Empty, 0, FigureRange.Empty, 0));
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
