using System.Globalization;
using ComputeDeals.Core.Domain;

namespace ComputeDeals.Core.Figures;

/// <summary>The unit a figure is expressed in.</summary>
public enum FigureUnit
{
    Usd,
    Megawatts,
    Count,
}

/// <summary>Writes figures the way a careful reporter would: "up to $40B", "~300 MW", "undisclosed".</summary>
public static class FigureFormatter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public const string UndisclosedText = "undisclosed";

    /// <summary>Formats one figure with its qualifier; "undisclosed" when there is no number.</summary>
    public static string Format(Figure? figure, FigureUnit unit)
    {
        if (figure is null || !figure.IsDisclosed)
        {
            return UndisclosedText;
        }

        var text = figure.Qualifier switch
        {
            FigureQualifier.UpTo when figure.Low is { } low && figure.High is { } high && low < high =>
                $"{FormatValue(low, unit)}, up to {FormatValue(high, unit)}",
            FigureQualifier.UpTo => $"up to {FormatValue((figure.High ?? figure.Low)!.Value, unit)}",
            FigureQualifier.AtLeast => $"at least {FormatValue((figure.Low ?? figure.High)!.Value, unit)}",
            FigureQualifier.Approximately when IsRange(figure) => "~" + FormatSpan(figure.Low!.Value, figure.High!.Value, unit),
            FigureQualifier.Approximately => "~" + FormatValue((figure.Low ?? figure.High)!.Value, unit),
            _ when IsRange(figure) => FormatSpan(figure.Low!.Value, figure.High!.Value, unit),
            _ => FormatValue((figure.Low ?? figure.High)!.Value, unit),
        };

        return figure.Basis == FigureBasis.Estimated ? $"{text} ({Labels.Of(figure.Basis)})" : text;
    }

    /// <summary>Formats a sum, saying how many inputs were undisclosed or open-ended.</summary>
    public static string Format(FigureRange range, FigureUnit unit)
    {
        if (range.Count == 0)
        {
            return "none";
        }

        if (range.DisclosedCount == 0)
        {
            return UndisclosedText;
        }

        // A sum whose low end is zero has no floor (its inputs were "up to" figures without one, which
        // FigureRange counts as 0 at the bottom): it reads "up to $40B", never "$0–40B".
        var text = range.Low == range.High
            ? FormatValue(range.Low, unit)
            : FormatSpan(range.Low, range.High, unit);
        if (range.Low == 0 && range.High > 0 && !range.IsOpenEnded)
        {
            text = (range.IsOpenBelow ? "at most " : "up to ") + FormatValue(range.High, unit);
        }
        else if (range.IsOpenEnded && range.IsOpenBelow)
        {
            text = "around " + text + ", open at both ends";
        }
        else if (range.IsOpenEnded)
        {
            text = range.Low == range.High ? "at least " + text : text + "+";
        }
        else if (range.IsOpenBelow)
        {
            text = range.Low == range.High ? "at most " + text : "at most " + FormatValue(range.High, unit);
        }

        if (range.UndisclosedCount > 0)
        {
            text += $" + {range.UndisclosedCount} undisclosed";
        }

        return text;
    }

    /// <summary>A bare value with its unit: $1.25B, 300 MW, 1.09 GW, 220,000.</summary>
    public static string FormatValue(double value, FigureUnit unit) => unit switch
    {
        FigureUnit.Usd => FormatMoney(value),
        FigureUnit.Megawatts => FormatPower(value),
        _ => FormatCount(value),
    };

    /// <summary>A span with a shared scale when possible: "$1.2–1.25B", "$300M–1.2B", "150–300 MW".</summary>
    public static string FormatSpan(double low, double high, FigureUnit unit)
    {
        var (lowScaled, lowSuffix) = Scale(low, unit);
        var (highScaled, highSuffix) = Scale(high, unit);
        var prefix = unit == FigureUnit.Usd ? "$" : string.Empty;
        if (lowSuffix == highSuffix)
        {
            return $"{prefix}{Number(lowScaled, unit)}–{Number(highScaled, unit)}{highSuffix}";
        }

        return $"{FormatValue(low, unit)}–{FormatValue(high, unit)}";
    }

    public static string FormatMoney(double usd)
    {
        var (scaled, suffix) = Scale(usd, FigureUnit.Usd);
        var sign = scaled < 0 ? "-" : string.Empty;
        return $"{sign}${Number(Math.Abs(scaled), FigureUnit.Usd)}{suffix}";
    }

    public static string FormatPower(double mw)
    {
        var (scaled, suffix) = Scale(mw, FigureUnit.Megawatts);
        return $"{Number(scaled, FigureUnit.Megawatts)}{suffix}";
    }

    public static string FormatCount(double count)
    {
        var (scaled, suffix) = Scale(count, FigureUnit.Count);
        return Number(scaled, FigureUnit.Count) + suffix;
    }

    /// <summary>A deal's value with its period: "~$3–15B/year", "up to $40B", "undisclosed". The one text for a deal value.</summary>
    public static string FormatDealValue(Figure? value, ValuePeriod period) => WithPeriod(Format(value, FigureUnit.Usd), period);

    /// <summary>A formatted value text with its period appended ("/year", "/month"); "undisclosed" stays as it is.</summary>
    public static string WithPeriod(string valueText, ValuePeriod period) =>
        valueText == UndisclosedText ? valueText : valueText + PeriodSuffix(period);

    private static string PeriodSuffix(ValuePeriod period) => period switch
    {
        ValuePeriod.PerYear => "/year",
        ValuePeriod.PerMonth => "/month",
        _ => string.Empty,
    };

    private static bool IsRange(Figure figure) =>
        figure.Low is { } low && figure.High is { } high && low != high;

    private static (double Scaled, string Suffix) Scale(double value, FigureUnit unit)
    {
        var abs = Math.Abs(value);
        return unit switch
        {
            FigureUnit.Usd when abs >= 1e12 => (value / 1e12, "T"),
            FigureUnit.Usd when abs >= 1e9 => (value / 1e9, "B"),
            FigureUnit.Usd when abs >= 1e6 => (value / 1e6, "M"),
            FigureUnit.Usd when abs >= 1e3 => (value / 1e3, "K"),
            FigureUnit.Usd => (value, string.Empty),
            FigureUnit.Megawatts when abs >= 1000 => (value / 1000, " GW"),
            FigureUnit.Megawatts => (value, " MW"),
            FigureUnit.Count when abs >= 1e6 => (value / 1e6, "M"),
            _ => (value, string.Empty),
        };
    }

    private static string Number(double scaled, FigureUnit unit)
    {
        var abs = Math.Abs(scaled);
        // Three significant figures at most, trailing zeros trimmed; counts and MW below 1000 whole.
        var decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
        if (unit == FigureUnit.Count && abs >= 1000)
        {
            decimals = 0;
        }

        var rounded = Math.Round(scaled, decimals, MidpointRounding.AwayFromZero);
        return rounded.ToString(decimals == 0 ? "#,0" : "#,0." + new string('#', decimals), Invariant);
    }
}
