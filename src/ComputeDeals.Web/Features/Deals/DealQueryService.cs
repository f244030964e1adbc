using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.Deals;

/// <summary>One page of filtered deals with the totals the count line needs.</summary>
public sealed record DealPage(
    IReadOnlyList<DealSummary> Items,
    int Total,
    int UndisclosedValueCount,
    int Page,
    int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (int)Math.Ceiling(Total / (double)PageSize);
}

/// <summary>
/// Runs a <see cref="DealFilter"/> against published deals, entirely in SQL (filters, sort,
/// counts, paging), for the timeline page, the JSON API and the CSV export alike.
/// </summary>
public sealed class DealQueryService(IDbContextFactory<AppDbContext> factory)
{
    public async Task<DealPage> QueryAsync(DealFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var filtered = Apply(db, filter);
        var total = await filtered.CountAsync(cancellationToken);
        var undisclosed = await filtered.CountAsync(ValueUndisclosed, cancellationToken);
        var page = Math.Min(filter.Page, Math.Max(1, (int)Math.Ceiling(total / (double)filter.PageSize)));
        var rows = await Project(Order(filtered, filter).Skip((page - 1) * filter.PageSize).Take(filter.PageSize))
            .ToListAsync(cancellationToken);
        return new DealPage(rows.Select(ToSummary).ToList(), total, undisclosed, page, filter.PageSize);
    }

    /// <summary>Every matching row in order, without paging, streamed (for exports).</summary>
    public async IAsyncEnumerable<DealSummary> StreamAsync(DealFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = Project(Order(Apply(db, filter), filter));
        await foreach (var row in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return ToSummary(row);
        }
    }

    /// <summary>The newest published deals.</summary>
    public async Task<IReadOnlyList<DealSummary>> LatestAsync(int take, CancellationToken cancellationToken = default) =>
        (await QueryAsync(DealFilter.Default with { PageSize = Math.Clamp(take, 1, DealFilter.MaxPageSize) }, cancellationToken)).Items;

    /// <summary>
    /// Published deals from <paramref name="deals"/> as list rows keyed by id, newest first, with the
    /// same projection as the timeline (used by the company and data center pages).
    /// </summary>
    public static async Task<Dictionary<int, DealSummary>> SummariesByIdAsync(IQueryable<Deal> deals, CancellationToken cancellationToken)
    {
        var rows = await Project(deals.AsNoTracking().Where(d => d.IsPublished)).ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(d => d.AnnouncedOn).ThenBy(d => d.Title, StringComparer.Ordinal)
            .ToDictionary(d => d.Id, ToSummary);
    }

    /// <summary>The filtered published deals, unordered (shared with <see cref="DealChartQuery"/>).</summary>
    internal static IQueryable<Deal> Apply(AppDbContext db, DealFilter filter)
    {
        var deals = db.Deals.AsNoTracking().Where(d => d.IsPublished);
        if (filter.Q is { } q)
        {
            var text = q.ToLowerInvariant();
            deals = deals.Where(d => d.Title.ToLower().Contains(text)
                || (d.Summary != null && d.Summary.ToLower().Contains(text))
                || d.Parties.Any(p => p.Company!.Name.ToLower().Contains(text)));
        }

        if (filter.Company is { } company)
        {
            deals = deals.Where(d => d.Parties.Any(p => p.Company!.Slug == company));
        }

        if (filter.Type is { } type)
        {
            deals = deals.Where(d => d.Type == type);
        }

        if (filter.Status is { } status)
        {
            deals = deals.Where(d => d.Status == status);
        }

        if (filter.From is { } from)
        {
            deals = deals.Where(d => d.AnnouncedOn >= from);
        }

        if (filter.To is { } to)
        {
            deals = deals.Where(d => d.AnnouncedOn <= to);
        }

        if (filter.MinValue is { } minValue)
        {
            deals = deals.Where(FigureQueries.AtLeast<Deal>(d => d.Value, minValue));
        }

        if (filter.MinMw is { } minMw)
        {
            deals = deals.Where(FigureQueries.AtLeast<Deal>(d => d.Capacity, minMw));
        }

        return deals;
    }

    private static readonly Expression<Func<Deal, bool>> ValueUndisclosed = FigureQueries.IsUndisclosed<Deal>(d => d.Value);
    private static readonly Expression<Func<Deal, double?>> ValueKey = FigureQueries.SortKey<Deal>(d => d.Value);
    private static readonly Expression<Func<Deal, bool>> CapacityUndisclosed = FigureQueries.IsUndisclosed<Deal>(d => d.Capacity);
    private static readonly Expression<Func<Deal, double?>> CapacityKey = FigureQueries.SortKey<Deal>(d => d.Capacity);

    private static IQueryable<Deal> Order(IQueryable<Deal> deals, DealFilter filter) => (filter.Sort, filter.Descending) switch
    {
        // Undisclosed values and capacities sort last in both directions (Core's Figure.SortKeyRule).
        (DealSort.Value, true) => deals.OrderBy(ValueUndisclosed).ThenByDescending(ValueKey).ThenByDescending(d => d.AnnouncedOn).ThenBy(d => d.Id),
        (DealSort.Value, false) => deals.OrderBy(ValueUndisclosed).ThenBy(ValueKey).ThenByDescending(d => d.AnnouncedOn).ThenBy(d => d.Id),
        (DealSort.Mw, true) => deals.OrderBy(CapacityUndisclosed).ThenByDescending(CapacityKey).ThenByDescending(d => d.AnnouncedOn).ThenBy(d => d.Id),
        (DealSort.Mw, false) => deals.OrderBy(CapacityUndisclosed).ThenBy(CapacityKey).ThenByDescending(d => d.AnnouncedOn).ThenBy(d => d.Id),
        (DealSort.Title, true) => deals.OrderByDescending(d => d.Title).ThenBy(d => d.Id),
        (DealSort.Title, false) => deals.OrderBy(d => d.Title).ThenBy(d => d.Id),
        (_, false) => deals.OrderBy(d => d.AnnouncedOn).ThenBy(d => d.Title).ThenBy(d => d.Id),
        _ => deals.OrderByDescending(d => d.AnnouncedOn).ThenBy(d => d.Title).ThenBy(d => d.Id),
    };

    private static IQueryable<DealRow> Project(IQueryable<Deal> deals) => deals.Select(d => new DealRow(
        d.Id,
        d.Slug,
        d.Title,
        d.AnnouncedOn,
        d.AnnouncedPrecision,
        d.Type,
        d.Status,
        d.Parties.OrderBy(p => p.Id).Select(p => new PartySummary(p.Company!.Slug, p.Company.Name, p.Role)).ToList(),
        d.Value,
        d.ValuePeriod,
        d.Capacity,
        d.Summary,
        d.UpdatedAt));

    private static DealSummary ToSummary(DealRow r) => new(
        r.Slug, r.Title, r.AnnouncedOn, r.Precision, r.Type, r.Status, r.Parties, r.Value, r.ValuePeriod, r.Capacity, r.Summary)
    {
        Id = r.Id,
        UpdatedAt = r.UpdatedAt,
    };

    private sealed record DealRow(
        int Id, string Slug, string Title, DateOnly AnnouncedOn, DatePrecision Precision, DealType Type, DealStatus Status,
        List<PartySummary> Parties, Figure Value, ValuePeriod ValuePeriod, Figure? Capacity, string? Summary, DateTimeOffset UpdatedAt);
}
