using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Analytics;

/// <summary>
/// What a set of deals adds up to: the one definition behind the timeline chart, the quarterly
/// analytics and the home headline (docs/analytics.md, "Quarterly value"). Only deals that count
/// (<see cref="DealTerms.Counts"/>) are added; the others are counted in <see cref="NotCountedCount"/>.
/// Value is each deal's value over its whole term (<see cref="DealTerms.TotalValue"/>); MW is
/// <see cref="DealTerms.Mw"/> over the deals that carry MW (<see cref="DealTerms.HasMw"/>).
/// </summary>
public sealed record DealTotals(
    int DealCount,
    int NotCountedCount,
    FigureRange Value,
    FigureRange Mw,
    int WithoutMwCount,
    FigureRange Accelerators)
{
    public static readonly DealTotals Empty = new(0, 0, FigureRange.Empty, FigureRange.Empty, 0, FigureRange.Empty);

    /// <summary>Adds one deal.</summary>
    public DealTotals Add(DealInput deal)
    {
        if (!DealTerms.Counts(deal.Status))
        {
            return this with { NotCountedCount = NotCountedCount + 1 };
        }

        var hasMw = DealTerms.HasMw(deal);
        return this with
        {
            DealCount = DealCount + 1,
            Value = Value + DealTerms.TotalValue(deal),
            Mw = hasMw ? Mw + DealTerms.Mw(deal) : Mw,
            WithoutMwCount = WithoutMwCount + (hasMw ? 0 : 1),
            Accelerators = DealTerms.Accelerators(deal) is { } accelerators ? Accelerators + accelerators : Accelerators,
        };
    }

    /// <summary>The totals of the given deals. Order does not matter.</summary>
    public static DealTotals Of(IEnumerable<DealInput> deals) => deals.Aggregate(Empty, (totals, deal) => totals.Add(deal));

    /// <summary>
    /// Totals per calendar quarter of the announcement, oldest first, every quarter between the first
    /// and the last included (empty ones with <see cref="Empty"/>).
    /// </summary>
    public static IReadOnlyList<QuarterTotals> ByQuarter(IEnumerable<DealInput> deals)
    {
        var byQuarter = new Dictionary<CalendarQuarter, DealTotals>();
        foreach (var deal in deals)
        {
            var quarter = CalendarQuarter.Of(deal.AnnouncedOn);
            byQuarter[quarter] = byQuarter.GetValueOrDefault(quarter, Empty).Add(deal);
        }

        return byQuarter.Count == 0
            ? []
            : CalendarQuarter.Span(byQuarter.Keys.Min(), byQuarter.Keys.Max())
                .Select(q => new QuarterTotals(q, byQuarter.GetValueOrDefault(q, Empty)))
                .ToList();
    }
}

/// <summary>The <see cref="DealTotals"/> of the deals announced in one calendar quarter.</summary>
public sealed record QuarterTotals(CalendarQuarter Quarter, DealTotals Totals)
{
    public string Label => Quarter.Label;
}
