using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Analytics;

/// <summary>Writes derived numbers (ratios, dollars per MW) with the same care as figures.</summary>
public static class AnalyticsText
{
    /// <summary>Text for a result that could not be computed (a missing or non-positive divisor).</summary>
    public const string NotApplicable = "n/a";

    /// <summary>A quotient such as "$10–50M/MW", "up to $50M/MW" or "at least 3×".</summary>
    public static string Quotient(FigureRange? range, FigureUnit unit, string suffix)
    {
        if (range is null)
        {
            return NotApplicable;
        }

        if (range.DisclosedCount == 0)
        {
            return FigureFormatter.UndisclosedText;
        }

        string text;
        if (range.IsOpenEnded && range.Low == 0)
        {
            text = "not bounded (open-ended inputs)";
        }
        else if (range.IsOpenEnded)
        {
            text = "at least " + FigureFormatter.FormatValue(range.Low, unit) + suffix;
        }
        else if (range.Low == range.High)
        {
            text = FigureFormatter.FormatValue(range.Low, unit) + suffix;
        }
        else if (range.Low == 0)
        {
            text = "up to " + FigureFormatter.FormatValue(range.High, unit) + suffix;
        }
        else
        {
            text = FigureFormatter.FormatSpan(range.Low, range.High, unit) + suffix;
        }

        return range.UndisclosedCount > 0 ? $"{text} ({range.UndisclosedCount} undisclosed)" : text;
    }

    /// <summary>Text for capacity the store does not track (see <see cref="CoverageRule"/>).</summary>
    public const string NotTracked = "not tracked";

    /// <summary>Owned or available capacity: the range as a figure, or "not tracked" when unknown.</summary>
    public static string Capacity(FigureRange? range, FigureUnit unit = FigureUnit.Megawatts) =>
        range is null ? NotTracked : FigureFormatter.Format(range, unit);

    /// <summary>Owned capacity of some tracked sites under a coverage: "300 MW", "at least 300 MW" or "not tracked".</summary>
    public static string Owned(FigureRange tracked, CapacityCoverage coverage) => Capacity(CoverageRule.Owned(tracked, coverage));

    /// <summary>Dollars per MW: "$10–50M/MW".</summary>
    public static string PerMw(FigureRange? range) => Quotient(range, FigureUnit.Usd, "/MW");

    /// <summary>Dollars per MW per year: "$10–50M/MW/year".</summary>
    public static string PerMwYear(FigureRange? range) => Quotient(range, FigureUnit.Usd, "/MW/year");

    /// <summary>A valuation ratio: "3×", "at least 3×".</summary>
    public static string Ratio(FigureRange? range) => Quotient(range, FigureUnit.Count, "×");
}
