using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Analytics;

/// <summary>
/// Adds up ranges without allocating per step: field by field exactly as <see cref="FigureRange"/>'s <c>+</c>
/// does from <see cref="FigureRange.Empty"/>, in the order they are added, so the doubles come out the same.
/// </summary>
internal struct RangeSum
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
