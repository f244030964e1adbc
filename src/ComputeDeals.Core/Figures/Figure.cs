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
/// </summary>
public sealed class Figure
{
    public double? Low { get; set; }

    public double? High { get; set; }

    public FigureQualifier Qualifier { get; set; } = FigureQualifier.Undisclosed;

    public FigureBasis Basis { get; set; } = FigureBasis.Reported;

    /// <summary>Free text that qualifies the figure further, such as "reports differ".</summary>
    public string? Note { get; set; }

    public bool IsDisclosed => Qualifier != FigureQualifier.Undisclosed && (Low.HasValue || High.HasValue);

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

    public Figure Copy() => new() { Low = Low, High = High, Qualifier = Qualifier, Basis = Basis, Note = Note };
}
