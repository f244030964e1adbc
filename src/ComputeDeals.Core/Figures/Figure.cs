using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using ComputeDeals.Core.Validation;

namespace ComputeDeals.Core.Figures;

/// <summary>How a reported number relates to the truth.</summary>
public enum FigureQualifier
{
    Exact,
    Approximately,
    UpTo,
    AtLeast,
    Undisclosed,
}

/// <summary>Where a number comes from.</summary>
public enum FigureBasis
{
    Reported,
    Estimated,
    Calculated,
}

/// <summary>
/// A number a user reads: a range [Low, High] with a qualifier and basis, in the base unit of
/// its owner (US dollars, MW or a count). Stored as double so that SQLite and PostgreSQL can
/// compare and sum it in SQL; realistic values are integers far below 2^53 and stay exact.
/// Immutable: a change is a new figure (<c>figure with { High = 5e9 }</c>), never an edit in place.
/// </summary>
public sealed record Figure
{
    /// <summary>
    /// What "undisclosed" means, once: the qualifier says so or there is no number at all. Written as
    /// an expression so that SQL filters (see <c>FigureQueries</c> in the web project) use the same rule.
    /// </summary>
    public static readonly Expression<Func<Figure, bool>> IsUndisclosedRule =
        f => f.Qualifier == FigureQualifier.Undisclosed || (f.Low == null && f.High == null);

    /// <summary>
    /// The number a list sorts and filters by ("min value"): the high end, else the low end; null when
    /// undisclosed, so undisclosed figures sort apart from every number.
    /// </summary>
    public static readonly Expression<Func<Figure, double?>> SortKeyRule =
        f => f.Qualifier == FigureQualifier.Undisclosed ? null : f.High ?? f.Low;

    private static readonly Func<Figure, bool> IsUndisclosedCompiled = IsUndisclosedRule.Compile();
    private static readonly Func<Figure, double?> SortKeyCompiled = SortKeyRule.Compile();

    public double? Low { get; init; }

    public double? High { get; init; }

    public FigureQualifier Qualifier { get; init; } = FigureQualifier.Undisclosed;

    public FigureBasis Basis { get; init; } = FigureBasis.Reported;

    /// <summary>Free text that qualifies the figure further, such as "reports differ".</summary>
    [MaxLength(FieldLimits.FigureNote)]
    public string? Note { get; init; }

    /// <summary>True when the figure carries a number (see <see cref="IsUndisclosedRule"/>).</summary>
    public bool IsDisclosed => !IsUndisclosedCompiled(this);

    /// <summary>The value lists sort and filter by (see <see cref="SortKeyRule"/>).</summary>
    public double? SortKey => SortKeyCompiled(this);

    /// <summary>The smallest value the figure allows, or null when it has no lower bound.</summary>
    public double? Floor => Qualifier switch
    {
        FigureQualifier.Undisclosed => null,
        FigureQualifier.UpTo => Low,
        _ => Low ?? High,
    };

    /// <summary>The largest value the figure allows, or null when it is open-ended.</summary>
    public double? Ceiling => Qualifier switch
    {
        FigureQualifier.Undisclosed => null,
        FigureQualifier.AtLeast => High,
        _ => High ?? Low,
    };

    public static Figure Exact(double value, FigureBasis basis = FigureBasis.Reported) =>
        new() { Low = value, High = value, Qualifier = FigureQualifier.Exact, Basis = basis };

    public static Figure About(double value, FigureBasis basis = FigureBasis.Reported) =>
        new() { Low = value, High = value, Qualifier = FigureQualifier.Approximately, Basis = basis };

    public static Figure Range(double low, double high, FigureBasis basis = FigureBasis.Reported) =>
        new() { Low = low, High = high, Qualifier = FigureQualifier.Approximately, Basis = basis };

    public static Figure UpTo(double high, FigureBasis basis = FigureBasis.Reported) =>
        new() { High = high, Qualifier = FigureQualifier.UpTo, Basis = basis };

    public static Figure AtLeast(double low, FigureBasis basis = FigureBasis.Reported) =>
        new() { Low = low, Qualifier = FigureQualifier.AtLeast, Basis = basis };

    public static Figure Undisclosed() => new() { Qualifier = FigureQualifier.Undisclosed };
}
