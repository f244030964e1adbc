namespace ComputeDeals.Core.Figures;

/// <summary>
/// The result of adding figures: [Low, High] over the disclosed inputs, with the number of
/// inputs that were undisclosed (never taken as zero), of those that leave the top open (an
/// "at least" figure added) and of those that leave the bottom open (an "at least" figure subtracted).
/// </summary>
public sealed record FigureRange(double Low, double High, int Count, int UndisclosedCount, int OpenEndedCount, int OpenBelowCount = 0)
{
    public static readonly FigureRange Empty = new(0, 0, 0, 0, 0);

    /// <summary>Number of inputs whose value entered the range.</summary>
    public int DisclosedCount => Count - UndisclosedCount;

    /// <summary>True when at least one "at least" input leaves the top of the range open.</summary>
    public bool IsOpenEnded => OpenEndedCount > 0;

    /// <summary>True when a subtracted "at least" input leaves the bottom of the range open.</summary>
    public bool IsOpenBelow => OpenBelowCount > 0;

    public bool IsExact => Low == High && OpenEndedCount == 0 && OpenBelowCount == 0 && UndisclosedCount == 0;

    /// <summary>A range that describes one figure.</summary>
    public static FigureRange Of(Figure? figure)
    {
        if (figure is null || !figure.IsDisclosed)
        {
            return new FigureRange(0, 0, 1, 1, 0);
        }

        var low = figure.Floor ?? 0; // an "up to" figure with no floor can be as small as zero
        var high = figure.Ceiling;
        return high is null
            ? new FigureRange(low, low, 1, 0, 1)
            : new FigureRange(low, Math.Max(low, high.Value), 1, 0, 0);
    }

    /// <summary>Sum of ranges: [sum of lows, sum of highs]; counts add up.</summary>
    public static FigureRange operator +(FigureRange a, FigureRange b) =>
        new(a.Low + b.Low, a.High + b.High, a.Count + b.Count, a.UndisclosedCount + b.UndisclosedCount,
            a.OpenEndedCount + b.OpenEndedCount, a.OpenBelowCount + b.OpenBelowCount);

    public static FigureRange Add(FigureRange a, FigureRange b) => a + b;

    /// <summary>
    /// Subtracts a range: the low loses the other's high and the high loses its low. Subtracting an
    /// open-topped range opens the bottom of the result (and the reverse).
    /// </summary>
    public static FigureRange operator -(FigureRange a, FigureRange b) =>
        new(a.Low - b.High, a.High - b.Low, a.Count + b.Count, a.UndisclosedCount + b.UndisclosedCount,
            a.OpenEndedCount + b.OpenBelowCount, a.OpenBelowCount + b.OpenEndedCount);

    public static FigureRange Subtract(FigureRange a, FigureRange b) => a - b;

    /// <summary>Scales both ends by a non-negative factor.</summary>
    public FigureRange Scale(double factor) => new(Low * factor, High * factor, Count, UndisclosedCount, OpenEndedCount, OpenBelowCount);

    /// <summary>Adds up figures, counting the undisclosed ones. Order does not matter.</summary>
    public static FigureRange Sum(IEnumerable<Figure?> figures) =>
        figures.Aggregate(Empty, (total, figure) => total + Of(figure));
}
