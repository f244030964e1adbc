using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Analytics;

/// <summary>A report behind a figure, as an explanation lists it.</summary>
public sealed record SourceRef(int Id, string Title, string Url, string? Publisher);

/// <summary>
/// A record with a page of its own (company, data center, deal): the id the inputs join on and the slug
/// the explanations link to.
/// </summary>
public abstract record PageInput
{
    public required int Id { get; init; }

    public required string Slug { get; init; }
}

/// <summary>A company as the analytics need it: identity, kind and parent link.</summary>
public sealed record CompanyInput : PageInput
{
    public string Name { get; init; } = string.Empty;

    public CompanyKind Kind { get; init; } = CompanyKind.Other;

    /// <summary>How completely its own data centers are in the inputs (complete unless told otherwise).</summary>
    public CapacityCoverage Coverage { get; init; } = CapacityCoverage.Complete;

    public int? ParentId { get; init; }

    /// <summary>When the parent link took effect; null means it always applied.</summary>
    public DateOnly? ParentSince { get; init; }
}

/// <summary>One dated row of a data center's capacity timeline.</summary>
public sealed record CapacityRowInput
{
    public required int Id { get; init; }

    public required DateOnly EffectiveDate { get; init; }

    /// <summary>Power in MW.</summary>
    public Figure Power { get; init; } = Figure.Undisclosed();

    public FacilityStatus Status { get; init; } = FacilityStatus.Operational;

    public Figure? Accelerators { get; init; }

    public string? AcceleratorType { get; init; }

    public SourceRef? Source { get; init; }
}

/// <summary>A data center with its operator and capacity timeline.</summary>
public sealed record DataCenterInput : PageInput
{
    public string Name { get; init; } = string.Empty;

    public required int OperatorId { get; init; }

    public IReadOnlyList<CapacityRowInput> Capacity { get; init; } = [];
}

/// <summary>A company's part in a deal.</summary>
public sealed record DealPartyInput(int CompanyId, PartyRole Role);

/// <summary>A data center a deal covers, with the MW share when known.</summary>
public sealed record DealDataCenterInput(int DataCenterId, Figure? Share);

/// <summary>A published, non-deleted deal with the fields the analytics read.</summary>
public sealed record DealInput : PageInput
{
    public string Title { get; init; } = string.Empty;

    public DealType Type { get; init; } = DealType.CapacitySaleOrLease;

    public DealStatus Status { get; init; } = DealStatus.Closed;

    public required DateOnly AnnouncedOn { get; init; }

    public DatePrecision AnnouncedPrecision { get; init; } = DatePrecision.Day;

    /// <summary>Value in US dollars for <see cref="ValuePeriod"/>.</summary>
    public Figure Value { get; init; } = Figure.Undisclosed();

    public ValuePeriod ValuePeriod { get; init; } = ValuePeriod.Total;

    /// <summary>Capacity in MW; when null the data-center shares stand in for it.</summary>
    public Figure? Capacity { get; init; }

    public Figure? Accelerators { get; init; }

    public DateOnly? TermStart { get; init; }

    public DateOnly? TermEnd { get; init; }

    public int? TermMonths { get; init; }

    public IReadOnlyList<DealPartyInput> Parties { get; init; } = [];

    public IReadOnlyList<DealDataCenterInput> DataCenters { get; init; } = [];

    public IReadOnlyList<SourceRef> Sources { get; init; } = [];
}

/// <summary>A valuation of a company at a date.</summary>
public sealed record ValuationInput
{
    public required int Id { get; init; }

    public required int CompanyId { get; init; }

    public required DateOnly AsOf { get; init; }

    /// <summary>Amount in US dollars.</summary>
    public Figure Amount { get; init; } = Figure.Undisclosed();

    public ValuationBasis Basis { get; init; } = ValuationBasis.PrivateRound;

    public SourceRef? Source { get; init; }
}

/// <summary>Everything the analytics read, loaded once by the caller.</summary>
public sealed record AnalyticsData(
    IReadOnlyList<CompanyInput> Companies,
    IReadOnlyList<DataCenterInput> DataCenters,
    IReadOnlyList<DealInput> Deals,
    IReadOnlyList<ValuationInput> Valuations)
{
    public static readonly AnalyticsData Empty = new([], [], [], []);
}
