using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Analytics;

/// <summary>Division of ranges that keeps their uncertainty honest.</summary>
public static class RangeMath
{
    /// <summary>
    /// Divides a non-negative range by a positive one: [low / divisor.high, high / divisor.low].
    /// An open-ended divisor ("at least") has no upper bound, so the quotient's low is 0; a divisor
    /// that can be as small as 0 ("up to") leaves the quotient's top open. When either side has no
    /// disclosed input the quotient is undisclosed. Null when there is nothing to divide or the
    /// divisor can be zero or negative only (such as a negative available MW).
    /// </summary>
    public static FigureRange? Divide(FigureRange dividend, FigureRange divisor)
    {
        if (dividend.Count == 0 || divisor.Count == 0)
        {
            return null;
        }

        var count = dividend.Count + divisor.Count;
        var undisclosed = dividend.UndisclosedCount + divisor.UndisclosedCount;
        if (dividend.DisclosedCount == 0 || divisor.DisclosedCount == 0)
        {
            return new FigureRange(0, 0, count, count, 0);
        }

        if (divisor.High <= 0 || divisor.Low < 0 || dividend.Low < 0)
        {
            return null;
        }

        var low = divisor.IsOpenEnded ? 0 : dividend.Low / divisor.High;
        if (divisor.Low == 0)
        {
            return new FigureRange(low, low, count, undisclosed, dividend.OpenEndedCount + 1);
        }

        var high = dividend.High / divisor.Low;
        return new FigureRange(low, Math.Max(low, high), count, undisclosed, dividend.OpenEndedCount);
    }
}
