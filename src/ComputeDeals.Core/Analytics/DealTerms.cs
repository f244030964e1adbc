using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Analytics;

/// <summary>
/// The one reading of a deal every page, export, feed and analytic uses: which deals count, which
/// move capacity, when the term runs, how many MW it moves, what it is worth per year and in total.
/// </summary>
public static class DealTerms
{
    /// <summary>Statuses of the deals that count in totals: announced or closed (rumored and cancelled ones do not).</summary>
    public static readonly IReadOnlyList<DealStatus> CountedStatuses = [DealStatus.Announced, DealStatus.Closed];

    /// <summary>Deal types that move capacity (PRODUCT.md section 5): capacity sale or lease, cloud commitment.</summary>
    public static readonly IReadOnlyList<DealType> CapacityTypes = [DealType.CapacitySaleOrLease, DealType.CloudCommitment];

    private const double DaysPerYear = 365.25;

    /// <summary>A range that stands for one input whose number is not known.</summary>
    public static readonly FigureRange UnknownOne = new(0, 0, 1, 1, 0);

    /// <summary>True for the types in <see cref="CapacityTypes"/>.</summary>
    public static bool MovesCapacity(DealType type) => CapacityTypes.Contains(type);

    /// <summary>True for the statuses in <see cref="CountedStatuses"/>.</summary>
    public static bool Counts(DealStatus status) => CountedStatuses.Contains(status);

    /// <summary>The term starts at its start date, else when the deal was announced.</summary>
    public static DateOnly Start(DealInput deal) => Start(deal.AnnouncedOn, deal.TermStart);

    /// <inheritdoc cref="Start(DealInput)"/>
    public static DateOnly Start(DateOnly announcedOn, DateOnly? termStart) => termStart ?? announcedOn;

    /// <summary>
    /// The last day of the term: the end date, else the start plus the months (the start being the
    /// announcement when no start date is known, as <see cref="Start(DealInput)"/>); null when open.
    /// </summary>
    public static DateOnly? End(DealInput deal) => End(deal.AnnouncedOn, deal.TermStart, deal.TermEnd, deal.TermMonths);

    /// <inheritdoc cref="End(DealInput)"/>
    public static DateOnly? End(DateOnly announcedOn, DateOnly? termStart, DateOnly? termEnd, int? termMonths) =>
        termEnd ?? (termMonths is { } months ? Start(announcedOn, termStart).AddMonths(months) : null);

    /// <summary>Started on or before the date and not yet ended on it.</summary>
    public static bool IsActiveOn(DealInput deal, DateOnly date) =>
        Start(deal) <= date && (End(deal) is not { } end || end >= date);

    /// <summary>Length of the term in years, when the months or an end date are known.</summary>
    public static double? TermYears(DealInput deal)
    {
        if (deal.TermMonths is { } months && months > 0)
        {
            return months / 12.0;
        }

        if (deal.TermEnd is { } end && end.DayNumber > Start(deal).DayNumber)
        {
            return (end.DayNumber - Start(deal).DayNumber) / DaysPerYear;
        }

        return null;
    }

    /// <summary>True when a MW figure belongs to the deal: capacity deals always, others when they state one.</summary>
    public static bool HasMw(DealInput deal) =>
        MovesCapacity(deal.Type) || deal.Capacity is not null || deal.DataCenters.Any(d => d.Share is not null);

    /// <summary>The deal's capacity; when not stated, the sum of its data-center shares; else undisclosed.</summary>
    public static FigureRange Mw(DealInput deal)
    {
        if (deal.Capacity is not null)
        {
            return FigureRange.Of(deal.Capacity);
        }

        return deal.DataCenters.Count > 0 ? FigureRange.Sum(deal.DataCenters.Select(d => d.Share)) : UnknownOne;
    }

    /// <summary>The deal's accelerators, or one undisclosed input when a capacity deal states none.</summary>
    public static FigureRange? Accelerators(DealInput deal) =>
        deal.Accelerators is not null ? FigureRange.Of(deal.Accelerators)
        : MovesCapacity(deal.Type) ? UnknownOne
        : null;

    /// <summary>Value over the whole term: a total as stated, a rate times the term; undisclosed when the term of a rate is unknown.</summary>
    public static FigureRange TotalValue(DealInput deal)
    {
        var value = FigureRange.Of(deal.Value);
        return deal.ValuePeriod switch
        {
            ValuePeriod.Total => value,
            _ when TermYears(deal) is { } years => value.Scale(years * PeriodsPerYear(deal.ValuePeriod)),
            _ => Unknown(value),
        };
    }

    /// <summary>Value per year: a rate as stated (×12 when monthly), a total spread over the term; undisclosed when a total has no term.</summary>
    public static FigureRange AnnualValue(DealInput deal)
    {
        var value = FigureRange.Of(deal.Value);
        return deal.ValuePeriod switch
        {
            ValuePeriod.Total when TermYears(deal) is { } years => value.Scale(1 / years),
            ValuePeriod.Total => Unknown(value),
            _ => value.Scale(PeriodsPerYear(deal.ValuePeriod)),
        };
    }

    private static double PeriodsPerYear(ValuePeriod period) => period == ValuePeriod.PerMonth ? 12 : 1;

    // The number exists but cannot be turned into this measure: the input counts as undisclosed for it.
    private static FigureRange Unknown(FigureRange input) => new(0, 0, input.Count, input.Count, 0);
}
