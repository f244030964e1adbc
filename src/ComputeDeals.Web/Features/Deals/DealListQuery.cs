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
    /// <summary>The last filter this request matched, and its matches (scoped service: one per request).</summary>
    private (ReadSnapshot Snapshot, DealFilter Criteria, List<int> Positions)? _last;

    public Task<DealPage> QueryAsync(DealFilter filter, CancellationToken cancellationToken = default)
    {
        var snapshot = readModel.Current;
        return Task.FromResult(PageOf(snapshot, filter, filter.IsFiltered ? MatchingOnce(snapshot, filter) : null));
    }

    /// <summary>
    /// <see cref="Matching"/> for this request, computed once: the timeline page's list and its chart
    /// (<see cref="DealChartQuery"/>) ask for the same filter and share one scan. The list is never changed.
    /// </summary>
    internal List<int> MatchingOnce(ReadSnapshot snapshot, DealFilter filter)
    {
        var criteria = filter with { Sort = DealSort.Date, Descending = true, Page = 1, PageSize = DealFilter.DefaultPageSize };
        if (_last is { } last && ReferenceEquals(last.Snapshot, snapshot) && last.Criteria == criteria)
        {
            return last.Positions;
        }

        var positions = Matching(snapshot, filter);
        _last = (snapshot, criteria, positions);
        return positions;
    }

    /// <summary>One page of the filtered deals of a snapshot.</summary>
    public static DealPage Query(ReadSnapshot snapshot, DealFilter filter) => PageOf(snapshot, filter, null);

    private static DealPage PageOf(ReadSnapshot snapshot, DealFilter filter, List<int>? matching)
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

        var matches = Ordered(snapshot, filter, matching ?? Matching(snapshot, filter));
        var total = matches.Count;
        var undisclosed = 0;
        var flags = snapshot.Undisclosed;
        foreach (var position in matches)
        {
            if (flags[position])
            {
                undisclosed++;
            }
        }

        var page = Math.Min(filter.Page, Math.Max(1, (int)Math.Ceiling(total / (double)filter.PageSize)));
        var first = Math.Min(total, (page - 1) * filter.PageSize);
        var rows = new DealSummary[Math.Min(filter.PageSize, total - first)];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = snapshot.Deals[matches[first + i]].Summary;
        }

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
        var (values, mws) = (snapshot.ValueKeys, snapshot.MwKeys);
        // NaN (undisclosed, no capacity) fails every >= comparison, as null did.
        var minValue = filter.MinValue ?? double.NegativeInfinity;
        var minMw = filter.MinMw ?? double.NegativeInfinity;
        var (byValue, byMw) = (filter.MinValue is not null, filter.MinMw is not null);
        var result = new List<int>();
        bool Keep(int position)
        {
            if ((byValue && !(values[position] >= minValue)) || (byMw && !(mws[position] >= minMw)))
            {
                return false;
            }

            var e = deals[position];
            return (filter.Type is not { } type || e.Deal.Type == type)
                && (filter.Status is not { } status || e.Deal.Status == status)
                && (text is null || e.SearchTextContains(text));
        }

        IEnumerable<int>? narrowest = null;
        if (filter.Company is { } slug)
        {
            if (!snapshot.CompaniesBySlug.TryGetValue(slug, out var company) || !snapshot.DealsByCompany.TryGetValue(company.Id, out var positions))
            {
                return result;
            }

            narrowest = positions;
        }

        // Free text: only the deals the token index names can contain it (each still checked above).
        if (text is not null && snapshot.Text.Candidates(text) is { } candidates
            && (narrowest is not int[] companyDeals || candidates.Length < companyDeals.Length))
        {
            narrowest = candidates;
        }

        if (narrowest is int[] some)
        {
            var start = lo == 0 ? 0 : LowerBound(some, lo);
            for (var i = start; i < some.Length && some[i] < hi; i++)
            {
                if (Keep(some[i]))
                {
                    result.Add(some[i]);
                }
            }

            return result;
        }

        for (var position = lo; position < hi; position++)
        {
            if (Keep(position))
            {
                result.Add(position);
            }
        }

        return result;
    }

    /// <summary>The first index of ascending <paramref name="sorted"/> whose value is at least <paramref name="value"/>.</summary>
    private static int LowerBound(int[] sorted, int value)
    {
        var at = Array.BinarySearch(sorted, value);
        return at >= 0 ? at : ~at;
    }

    /// <summary>Positions (into <see cref="ReadSnapshot.Deals"/>) of the deals the filter keeps, in the filter's sort order.</summary>
    public static List<int> Ordered(ReadSnapshot snapshot, DealFilter filter) => Ordered(snapshot, filter, Matching(snapshot, filter));

    /// <summary><paramref name="matches"/> (newest first, left unchanged) in the filter's sort order.</summary>
    private static List<int> Ordered(ReadSnapshot snapshot, DealFilter filter, List<int> matches)
    {
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
        var sorted = new List<int>(matches);
        sorted.Sort((a, b) => ranks[a].CompareTo(ranks[b]));
        return sorted;
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
