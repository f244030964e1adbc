namespace ComputeDeals.Web.Features.Deals;

/// <summary>A company that can be picked in the timeline's company filter.</summary>
public sealed record CompanyChoice(string Slug, string Name);

/// <summary>Aggregates behind the timeline chart and the choices of its filter bar.</summary>
public sealed class DealChartQuery(ReadModel.ReadModel readModel, DealListQuery list)
{
    /// <summary>
    /// <see cref="DealTotals"/> per quarter for every filtered deal (paging and sort ignored), oldest
    /// quarter first, gaps filled; read from the snapshot.
    /// </summary>
    public Task<IReadOnlyList<QuarterTotals>> ByQuarterAsync(DealFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var snapshot = readModel.Current;
        var index = snapshot.Memo(nameof(DealChartIndex), static s => new DealChartIndex(s));
        if (filter.IsFiltered)
        {
            return Task.FromResult(index.ByQuarter(list.MatchingOnce(snapshot, filter)));
        }

        // Every unfiltered page (any page, any sort) shows the same chart: computed once per snapshot.
        return Task.FromResult(snapshot.Memo(nameof(DealChartIndex) + ".all", s => index.ByQuarter(Enumerable.Range(0, s.Deals.Count))));
    }

    /// <summary>Companies that are party to at least one published deal, by name.</summary>
    public Task<IReadOnlyList<CompanyChoice>> CompaniesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(readModel.Current.CompanyChoices);
}

/// <summary>
/// Each deal's own <see cref="DealTotals"/> (<c>DealTotals.Empty.Add(deal)</c>, the Core rule) and quarter,
/// computed once per snapshot, so a chart over tens of thousands of deals is a sum of precomputed
/// totals (<see cref="DealTotalsSum"/>, no allocation per deal) with the same result as
/// <see cref="DealTotals.ByQuarter"/> over the same deals in the same order.
/// </summary>
internal sealed class DealChartIndex
{
    private readonly DealTotals[] _totals;
    private readonly int[] _quarters;

    public DealChartIndex(ReadModel.ReadSnapshot snapshot)
    {
        var deals = snapshot.Deals;
        _totals = new DealTotals[deals.Count];
        _quarters = new int[deals.Count];
        for (var i = 0; i < deals.Count; i++)
        {
            var input = deals[i].Input;
            _totals[i] = DealTotals.Empty.Add(input);
            _quarters[i] = Ordinal(CalendarQuarter.Of(input.AnnouncedOn));
        }
    }

    /// <summary>Totals per quarter of the deals at these positions, oldest quarter first, gaps filled.</summary>
    public IReadOnlyList<QuarterTotals> ByQuarter(IEnumerable<int> positions)
    {
        int first = int.MaxValue, last = int.MinValue;
        foreach (var position in positions)
        {
            first = Math.Min(first, _quarters[position]);
            last = Math.Max(last, _quarters[position]);
        }

        if (first > last)
        {
            return [];
        }

        var sums = new DealTotalsSum[last - first + 1];
        foreach (var position in positions)
        {
            sums[_quarters[position] - first].Add(_totals[position]);
        }

        var result = new List<QuarterTotals>(sums.Length);
        for (var i = 0; i < sums.Length; i++)
        {
            var ordinal = first + i;
            result.Add(new QuarterTotals(new CalendarQuarter(ordinal / 4, (ordinal % 4) + 1), sums[i].ToTotals()));
        }

        return result;
    }

    private static int Ordinal(CalendarQuarter quarter) => (quarter.Year * 4) + quarter.Quarter - 1;
}
