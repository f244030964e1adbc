using System.Collections;
using ComputeDeals.Core.Domain;

namespace ComputeDeals.Core.Analytics;

/// <summary>
/// The deal-value-per-MW rows up to a date, newest first: a window on the calculator's deals sorted by
/// announcement (built once per calculator), each row made when it is read. Reading the first hundred
/// rows costs a hundred rows, whatever the number of deals.
/// </summary>
public sealed class DealValueRows : IReadOnlyList<DealValueRow>
{
    private readonly DealInput[] _deals;
    private readonly int _start;
    private readonly Func<DealInput, DealValueRow> _row;

    internal DealValueRows(DealInput[] deals, int start, int annualPerMwDisclosed, Func<DealInput, DealValueRow> row)
    {
        _deals = deals;
        _start = start;
        _row = row;
        AnnualPerMwDisclosedCount = annualPerMwDisclosed;
    }

    public int Count => _deals.Length - _start;

    /// <summary>How many of the rows have an annual value per MW with every input disclosed (what a chart can draw).</summary>
    public int AnnualPerMwDisclosedCount { get; }

    public DealValueRow this[int index] =>
        (uint)index < (uint)Count ? _row(_deals[_start + index]) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<DealValueRow> GetEnumerator()
    {
        for (var i = _start; i < _deals.Length; i++)
        {
            yield return _row(_deals[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>True when the annual value per MW of a row has every input disclosed.</summary>
    public static bool HasDisclosedAnnualPerMw(DealValueRow row) => IsDisclosed(row?.AnnualValuePerMw);

    internal static bool IsDisclosed(Figures.FigureRange? range) => range is { DisclosedCount: > 0, UndisclosedCount: 0 };
}

/// <summary>The deals of <see cref="AnalyticsCalculator.DealValuePerMw"/> sorted newest first, with a count of chartable rows from each position on.</summary>
internal sealed class DealValueIndex
{
    private readonly DealInput[] _deals;
    private readonly int[] _disclosedFrom; // rows with a disclosed annual value per MW at or after each position
    private readonly Func<DealInput, DealValueRow> _row;

    public DealValueIndex(IEnumerable<DealInput> deals, Func<DealInput, DealValueRow> row)
    {
        _row = row;
        _deals = [.. deals.Where(d => DealTerms.Counts(d.Status) && DealTerms.HasMw(d)).OrderByDescending(d => d.AnnouncedOn).ThenBy(d => d.Id)];
        _disclosedFrom = new int[_deals.Length + 1];
        for (var i = _deals.Length - 1; i >= 0; i--)
        {
            var deal = _deals[i];
            var disclosed = DealValueRows.IsDisclosed(RangeMath.Divide(DealTerms.AnnualValue(deal), DealTerms.Mw(deal)));
            _disclosedFrom[i] = _disclosedFrom[i + 1] + (disclosed ? 1 : 0);
        }
    }

    public DealValueRows UpTo(DateOnly asOf)
    {
        // The first deal announced on or before the date (the array runs newest first).
        int low = 0, high = _deals.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_deals[middle].AnnouncedOn > asOf)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return new DealValueRows(_deals, low, _disclosedFrom[low], _row);
    }
}

/// <summary>
/// Quarterly totals of the deals that count, per quarter and type, computed once; a date reuses every
/// quarter that ended by then and adds up only its own quarter's deals announced by the date.
/// </summary>
internal sealed class QuarterlyIndex
{
    private readonly List<(DealInput[] Deals, QuarterlyTotal Total)> _groups;
    private readonly Func<DealInput, DealRef> _ref;

    public QuarterlyIndex(IEnumerable<DealInput> deals, Func<DealInput, DealRef> dealRef)
    {
        _ref = dealRef;
        _groups = deals
            .Where(d => DealTerms.Counts(d.Status))
            .GroupBy(d => (Quarter: CalendarQuarter.Of(d.AnnouncedOn), d.Type))
            .OrderBy(g => g.Key.Quarter).ThenBy(g => g.Key.Type)
            .Select(g =>
            {
                DealInput[] sorted = [.. g.OrderBy(d => d.AnnouncedOn).ThenBy(d => d.Id)];
                return (sorted, Total(g.Key.Quarter, g.Key.Type, sorted, sorted.Length));
            })
            .ToList();
    }

    public IReadOnlyList<QuarterlyTotal> UpTo(DateOnly asOf)
    {
        var quarter = CalendarQuarter.Of(asOf);
        var result = new List<QuarterlyTotal>();
        foreach (var (deals, total) in _groups)
        {
            if (total.Quarter > quarter)
            {
                break;
            }

            var count = total.Quarter < quarter ? deals.Length : deals.Count(d => d.AnnouncedOn <= asOf);
            if (count == deals.Length)
            {
                result.Add(total);
            }
            else if (count > 0)
            {
                // Deals run by date, so those announced by the date are the first ones.
                result.Add(Total(total.Quarter, total.Type, deals, count));
            }
        }

        return result;
    }

    private QuarterlyTotal Total(CalendarQuarter quarter, DealType type, DealInput[] deals, int count)
    {
        var totals = DealTotals.Of(deals.Take(count));
        return new QuarterlyTotal(quarter, type, totals.DealCount, totals.Value, totals.Mw, totals.Accelerators, new LazyList<DealRef>(count, () => [.. deals.Take(count).Select(_ref)]));
    }
}

/// <summary>A read-only list whose items are made on first read (the count is known before).</summary>
internal sealed class LazyList<T>(int count, Func<List<T>> build) : IReadOnlyList<T>
{
    private readonly Lazy<List<T>> _items = new(build);

    public int Count => count;

    public T this[int index] => _items.Value[index];

    public IEnumerator<T> GetEnumerator() => _items.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
