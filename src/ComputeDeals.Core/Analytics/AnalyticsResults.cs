using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Analytics;

/// <summary>A company named in a result.</summary>
public sealed record CompanyRef(int Id, string Slug, string Name, CompanyKind Kind);

/// <summary>What kind of record an input to a number is.</summary>
public enum ContributionKind
{
    CapacityRow,
    Deal,
    Valuation,
}

/// <summary>
/// One input behind a number ("why this number"): a data center's capacity row, a deal or a
/// valuation, with the figure it contributed and the sources that report it.
/// </summary>
public sealed record Contribution(
    ContributionKind Kind,
    int Id,
    string Slug,
    string Name,
    DateOnly Date,
    DatePrecision Precision,
    string Detail,
    string Text,
    FigureRange Range,
    IReadOnlyList<SourceRef> Sources);

/// <summary>A range together with the inputs it was added up from.</summary>
public sealed record TracedRange(FigureRange Range, FigureUnit Unit, IReadOnlyList<Contribution> Inputs)
{
    public string Text => FigureFormatter.Format(Range, Unit);

    public static TracedRange None(FigureUnit unit) => new(FigureRange.Empty, unit, []);
}

/// <summary>
/// A company's (or a group's) capacity at an as-of date: owned, contracted in and out, and what
/// that leaves available. Available = owned (operational + planned) − contracted-out + contracted-in,
/// under <see cref="CoverageRule"/>: with partial or no coverage of its own sites, owned and available
/// are "at least" a proven floor or unknown (null, shown as "not tracked"), never a made-up zero or negative.
/// </summary>
public sealed record CapacityPosition(
    CompanyRef Company,
    IReadOnlyList<CompanyRef> Members,
    DateOnly AsOf,
    TracedRange OwnedOperational,
    TracedRange OwnedPlanned,
    TracedRange ContractedIn,
    TracedRange ContractedOut,
    TracedRange OwnedAccelerators,
    TracedRange AcceleratorsIn,
    TracedRange AcceleratorsOut,
    CapacityCoverage Coverage = CapacityCoverage.Complete)
{
    /// <summary>Operational plus planned or under-construction capacity of the tracked sites.</summary>
    public FigureRange TrackedOwned => OwnedOperational.Range + OwnedPlanned.Range;

    /// <summary>Owned capacity: the tracked sum, "at least" it, or null when not tracked.</summary>
    public FigureRange? Owned => CoverageRule.Owned(TrackedOwned, Coverage);

    /// <summary>Available MW; null when the inputs prove nothing above zero.</summary>
    public FigureRange? Available => CoverageRule.Available(TrackedOwned, ContractedOut.Range, ContractedIn.Range, Coverage);

    public FigureRange? AvailableAccelerators => CoverageRule.Available(OwnedAccelerators.Range, AcceleratorsOut.Range, AcceleratorsIn.Range, Coverage);

    public string OwnedOperationalText => AnalyticsText.Owned(OwnedOperational.Range, Coverage);

    public string OwnedPlannedText => AnalyticsText.Owned(OwnedPlanned.Range, Coverage);

    public string OwnedText => AnalyticsText.Capacity(Owned);

    public string AvailableText => AnalyticsText.Capacity(Available);

    public string AvailableAcceleratorsText => AnalyticsText.Capacity(AvailableAccelerators, FigureUnit.Count);

    /// <summary>True when no capacity row or capacity deal touches the company at the date.</summary>
    public bool IsEmpty => TrackedOwned.Count + ContractedIn.Range.Count + ContractedOut.Range.Count == 0;

    /// <summary>What the coverage leaves out, in a sentence for "why this number"; null when coverage is complete.</summary>
    public string? CoverageNote => Coverage switch
    {
        CapacityCoverage.Complete => null,
        CapacityCoverage.Partial => $"Only some of the data centers {Company.Name} owns or operates are tracked, so owned capacity is at least the tracked sites and available capacity at least what the inputs prove.",
        _ => $"The data centers {Company.Name} owns or operates are not tracked, so its owned capacity is unknown and available capacity is at least what it contracts in.",
    };
}

/// <summary>A valuation in force at a date.</summary>
public sealed record ValuationPoint(int Id, DateOnly AsOf, Figure Amount, ValuationBasis Basis, SourceRef? Source)
{
    public FigureRange Range => FigureRange.Of(Amount);

    public string Text => FigureFormatter.Format(Amount, FigureUnit.Usd);
}

/// <summary>One company in a valuation comparison.</summary>
public sealed record CompanyValuation(
    CompanyRef Company,
    ValuationPoint? Valuation,
    CapacityPosition Position,
    FigureRange? ValuePerAvailableMw);

/// <summary>Valuation of one company divided by another's; null when either is missing or undisclosed.</summary>
public sealed record ValuationRatio(CompanyRef Numerator, CompanyRef Denominator, FigureRange? Ratio);

/// <summary>Valuations of chosen companies at a date, their ratios and value per available MW.</summary>
public sealed record ValuationComparison(
    DateOnly AsOf,
    bool RolledUp,
    IReadOnlyList<CompanyValuation> Companies,
    IReadOnlyList<ValuationRatio> Ratios);

/// <summary>A deal named in a result.</summary>
public sealed record DealRef(
    int Id,
    string Slug,
    string Title,
    DealType Type,
    DealStatus Status,
    DateOnly AnnouncedOn,
    DatePrecision Precision);

/// <summary>A party of a deal, for display.</summary>
public sealed record PartyRef(CompanyRef Company, PartyRole Role);

/// <summary>
/// A deal's value against its MW: the stated value, the total and annual values derived from the
/// term and value period, and each divided by MW. Unknowns are undisclosed ranges, never zero.
/// </summary>
public sealed record DealValueRow(
    DealRef Deal,
    IReadOnlyList<PartyRef> Parties,
    Figure Value,
    ValuePeriod ValuePeriod,
    FigureRange Mw,
    FigureRange? Accelerators,
    double? TermMonths,
    FigureRange TotalValue,
    FigureRange AnnualValue,
    FigureRange? ValuePerMw,
    FigureRange? AnnualValuePerMw,
    IReadOnlyList<SourceRef> Sources);

/// <summary>Deal value, MW and accelerators announced in one quarter for one deal type (see <see cref="DealTotals"/>).</summary>
public sealed record QuarterlyTotal(
    CalendarQuarter Quarter,
    DealType Type,
    int DealCount,
    FigureRange Value,
    FigureRange Mw,
    FigureRange Accelerators,
    IReadOnlyList<DealRef> Deals)
{
    public string Label => Quarter.Label;
}
