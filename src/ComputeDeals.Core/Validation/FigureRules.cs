using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Validation;

/// <summary>Rules for a <see cref="Figure"/>: sane, ordered numbers that match the qualifier.</summary>
public static class FigureRules
{
    /// <summary>The largest plausible value per unit: $10 trillion, 1,000 GW, a billion accelerators.</summary>
    public static double MaxValue(FigureUnit unit) => unit switch
    {
        FigureUnit.Usd => 1e13,
        FigureUnit.Megawatts => 1e6,
        _ => 1e9,
    };

    /// <summary>The largest plausible value in words.</summary>
    public static string MaxText(FigureUnit unit) => unit switch
    {
        FigureUnit.Usd => "$10 trillion",
        FigureUnit.Megawatts => "1,000,000 MW (1,000 GW)",
        _ => "1,000,000,000",
    };

    public static void Validate(FieldErrors errors, string prefix, string label, Figure? figure, FigureUnit unit, bool requireDisclosed = false)
    {
        if (figure is null)
        {
            if (requireDisclosed)
            {
                errors.Add(prefix + ".Low", $"Enter the {label}.");
            }

            return;
        }

        TextRules.Defined(errors, prefix + ".Qualifier", "qualifier", figure.Qualifier);
        TextRules.Defined(errors, prefix + ".Basis", "basis", figure.Basis);
        TextRules.Plain(errors, prefix + ".Note", $"{label} note", figure.Note, FieldLimits.FigureNote);

        var lowOk = Number(errors, prefix + ".Low", label, figure.Low, unit);
        var highOk = Number(errors, prefix + ".High", label, figure.High, unit);

        switch (figure.Qualifier)
        {
            case FigureQualifier.Undisclosed:
                if (requireDisclosed)
                {
                    errors.Add(prefix + ".Qualifier", $"The {label} must be disclosed: pick a qualifier such as exact or approximately and enter the number.");
                }
                else if (figure.Low is not null || figure.High is not null)
                {
                    errors.Add(prefix + ".Qualifier", $"Clear the {label} numbers or pick a qualifier other than undisclosed.");
                }

                break;
            case FigureQualifier.UpTo when figure.High is null:
                errors.Add(prefix + ".High", $"\"Up to\" needs the upper number: enter the {label} in High.");
                break;
            case FigureQualifier.AtLeast when figure.Low is null:
                errors.Add(prefix + ".Low", $"\"At least\" needs the lower number: enter the {label} in Low.");
                break;
            case FigureQualifier.Exact or FigureQualifier.Approximately when figure.Low is null && figure.High is null:
                errors.Add(prefix + ".Low", $"Enter the {label}, or set the qualifier to undisclosed.");
                break;
            case FigureQualifier.Exact when figure.Low is { } l && figure.High is { } h && l != h:
                errors.Add(prefix + ".Qualifier", $"An exact {label} has one number: make Low and High equal, or pick approximately for a range.");
                break;
        }

        if (lowOk && highOk && figure.Low is { } low && figure.High is { } high && low > high)
        {
            errors.Add(prefix + ".High", $"The high {label} is below the low one: swap them or correct one.");
        }
    }

    private static bool Number(FieldErrors errors, string field, string label, double? value, FigureUnit unit)
    {
        if (value is not { } v)
        {
            return true;
        }

        if (double.IsNaN(v) || double.IsInfinity(v))
        {
            errors.Add(field, $"Enter the {label} as a number.");
            return false;
        }

        if (v < 0)
        {
            errors.Add(field, $"The {label} cannot be negative: enter 0 or more.");
            return false;
        }

        if (v > MaxValue(unit))
        {
            errors.Add(field, $"The {label} is implausibly large: enter at most {MaxText(unit)}.");
            return false;
        }

        return true;
    }
}
