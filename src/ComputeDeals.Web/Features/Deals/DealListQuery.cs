using System.Runtime.CompilerServices;

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
/// Runs a <see cref="DealFilter"/> against the published deals of the read model's snapshot
/// (filters, sort, counts, paging), for the timeline page, the JSON API and the CSV export alike.
/// No SQL: an unfiltered page of any sort is a slice of a precomputed order; a filtered one scans
/// the narrowest index (the company's deals, the date range) and sorts only the matches.
/// </summary>
public sealed class DealListQuery(ReadModel.ReadModel readModel)
{
    public Task<DealPage> QueryAsync(DealFilter filter, CancellationToken cancellationToken = default) =>
        Task.FromResult(Query(readModel.Current, filter));

    /// <summary>One page of the filtered deals of a snapshot.</summary>
    public static DealPage Query(ReadSnapshot snapshot, DealFilter filter)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(filter);
        if (!filter.IsFiltered)
        {
            var all = snapshot.Deals.Count;
            var lastPage = Math.Max(1, (int)Math.Ceiling(all / (double)filter.PageSize));
            var current = Math.Min(filter.Page, lastPage);
            var order = snapshot.Order(filter.Sort, filter.Descending);
            var skip = Math.Min(all, (current - 1) * filter.PageSize);
            var take = Math.Min(filter.PageSize, all - skip);
            var items = new DealSummary[take];
            for (var i = 0; i < take; i++)
            {
                items[i] = snapshot.Deals[order[skip + i]].Summary;
            }

            return new DealPage(items, all, snapshot.UndisclosedValueCount, current, filter.PageSize);
        }

        var matches = Ordered(snapshot, filter);
        var total = matches.Count;
        var undisclosed = 0;
        foreach (var position in matches)
        {
            if (!snapshot.Deals[position].Deal.Value.IsDisclosed)
            {
                undisclosed++;
            }
        }

        var page = Math.Min(filter.Page, Math.Max(1, (int)Math.Ceiling(total / (double)filter.PageSize)));
        var rows = matches.Skip((page - 1) * filter.PageSize).Take(filter.PageSize).Select(p => snapshot.Deals[p].Summary).ToList();
        return new DealPage(rows, total, undisclosed, page, filter.PageSize);
    }

    /// <summary>Every matching row in order, without paging (for exports).</summary>
    public async IAsyncEnumerable<DealSummary> StreamAsync(DealFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var snapshot = readModel.Current;
        foreach (var position in Ordered(snapshot, filter))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return snapshot.Deals[position].Summary;
        }

        await Task.CompletedTask;
    }

    /// <summary>The newest published deals.</summary>
    public async Task<IReadOnlyList<DealSummary>> LatestAsync(int take, CancellationToken cancellationToken = default) =>
        (await QueryAsync(DealFilter.Default with { PageSize = Math.Clamp(take, 1, DealFilter.MaxPageSize) }, cancellationToken)).Items;

    /// <summary>Positions (into <see cref="ReadSnapshot.Deals"/>) of the deals the filter keeps, in timeline order (newest first).</summary>
    public static List<int> Matching(ReadSnapshot snapshot, DealFilter filter)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(filter);
        var deals = snapshot.Deals;
        // Deals are newest first: the date range is one contiguous run of positions.
        var lo = filter.To is { } to ? FirstOnOrBefore(deals, to) : 0;
        var hi = filter.From is { } from ? FirstOnOrBefore(deals, from.AddDays(-1)) : deals.Count;
        var text = filter.Q?.ToLowerInvariant();
        var result = new List<int>();
        bool Keep(DealEntry e) =>
            (text is null || e.SearchText.Contains(text, StringComparison.Ordinal))
            && (filter.Type is not { } type || e.Deal.Type == type)
            && (filter.Status is not { } status || e.Deal.Status == status)
            && (filter.MinValue is not { } minValue || e.ValueKey >= minValue)
            && (filter.MinMw is not { } minMw || e.MwKey >= minMw);

        if (filter.Company is { } slug)
        {
            if (!snapshot.CompaniesBySlug.TryGetValue(slug, out var company) || !snapshot.DealsByCompany.TryGetValue(company.Id, out var positions))
            {
                return result;
            }

            foreach (var position in positions)
            {
                if (position >= lo && position < hi && Keep(deals[position]))
                {
                    result.Add(position);
                }
            }

            return result;
        }

        for (var position = lo; position < hi; position++)
        {
            if (Keep(deals[position]))
            {
                result.Add(position);
            }
        }

        return result;
    }

    /// <summary>Positions (into <see cref="ReadSnapshot.Deals"/>) of the deals the filter keeps, in the filter's sort order.</summary>
    public static List<int> Ordered(ReadSnapshot snapshot, DealFilter filter)
    {
        var matches = Matching(snapshot, filter);
        if (filter.Sort == DealSort.Date && filter.Descending)
        {
            return matches;
        }

        var count = snapshot.Deals.Count;
        if (matches.Count > count / 16)
        {
            // Many matches: walk the precomputed order once instead of sorting.
            var keep = new bool[count];
            foreach (var position in matches)
            {
                keep[position] = true;
            }

            var ordered = new List<int>(matches.Count);
            foreach (var position in snapshot.Order(filter.Sort, filter.Descending))
            {
                if (keep[position])
                {
                    ordered.Add(position);
                }
            }

            return ordered;
        }

        var ranks = snapshot.Ranks(filter.Sort, filter.Descending).ToArray();
        matches.Sort((a, b) => ranks[a].CompareTo(ranks[b]));
        return matches;
    }

    /// <summary>The first position whose deal was announced on or before <paramref name="date"/> (deals are newest first).</summary>
    private static int FirstOnOrBefore(IReadOnlyList<DealEntry> deals, DateOnly date)
    {
        int lo = 0, hi = deals.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (deals[mid].Deal.AnnouncedOn > date)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
