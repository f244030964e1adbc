using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Analytics;

/// <summary>
/// Adds up many <see cref="DealTotals"/> without allocating per step: the same sums as
/// <see cref="DealTotals.Add"/> chained (counts add, ranges add field by field like
/// <see cref="FigureRange"/>'s <c>+</c>). Used where one deal's totals are computed once
/// (<c>DealTotals.Empty.Add(deal)</c>) and then summed again and again, as the timeline chart does.
/// </summary>
public struct DealTotalsSum
{
    private int _dealCount;
    private int _notCounted;
    private int _withoutMw;
    private RangeSum _value;
    private RangeSum _mw;
    private RangeSum _accelerators;

    /// <summary>True until something is added.</summary>
    public readonly bool IsEmpty => _dealCount == 0 && _notCounted == 0;

    /// <summary>Adds totals (typically of one deal).</summary>
    public void Add(DealTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        _dealCount += totals.DealCount;
        _notCounted += totals.NotCountedCount;
        _withoutMw += totals.WithoutMwCount;
        _value.Add(totals.Value);
        _mw.Add(totals.Mw);
        _accelerators.Add(totals.Accelerators);
    }

    /// <summary>The sum as <see cref="DealTotals"/>.</summary>
    public readonly DealTotals ToTotals() =>
        IsEmpty ? DealTotals.Empty : new(_dealCount, _notCounted, _value.ToRange(), _mw.ToRange(), _withoutMw, _accelerators.ToRange());
}
