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

    private struct RangeSum
    {
        private double _low;
        private double _high;
        private int _count;
        private int _undisclosed;
        private int _openEnded;
        private int _openBelow;

        public void Add(FigureRange range)
        {
            _low += range.Low;
            _high += range.High;
            _count += range.Count;
            _undisclosed += range.UndisclosedCount;
            _openEnded += range.OpenEndedCount;
            _openBelow += range.OpenBelowCount;
        }

        public readonly FigureRange ToRange() =>
            _count == 0 && _low == 0 && _high == 0 && _openEnded == 0 && _openBelow == 0 ? FigureRange.Empty
                : new(_low, _high, _count, _undisclosed, _openEnded, _openBelow);
    }
}
