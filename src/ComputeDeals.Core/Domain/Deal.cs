using System.ComponentModel.DataAnnotations;
using ComputeDeals.Core.Figures;
using ComputeDeals.Core.Validation;

namespace ComputeDeals.Core.Domain;

/// <summary>An agreement between companies that moves compute capacity, chips or money.</summary>
public sealed class Deal : ISoftDeletable
{
    public int Id { get; set; }

    [MaxLength(FieldLimits.Title)]
    public required string Title { get; set; }

    [MaxLength(Slugs.MaxLength)]
    public required string Slug { get; set; }

    public DateOnly AnnouncedOn { get; set; }

    public DatePrecision AnnouncedPrecision { get; set; }

    public DealType Type { get; set; }

    public DealStatus Status { get; set; }

    public List<DealParty> Parties { get; set; } = [];

    public List<DealDataCenter> DataCenters { get; set; } = [];

    /// <summary>Value in US dollars, for <see cref="ValuePeriod"/>.</summary>
    public Figure Value { get; set; } = Figure.Undisclosed();

    public ValuePeriod ValuePeriod { get; set; }

    /// <summary>Capacity in MW, when the deal moves capacity.</summary>
    public Figure? Capacity { get; set; }

    /// <summary>Accelerator count, when known.</summary>
    public Figure? Accelerators { get; set; }

    public DateOnly? TermStart { get; set; }

    public DateOnly? TermEnd { get; set; }

    public int? TermMonths { get; set; }

    /// <summary>Markdown summary.</summary>
    [MaxLength(FieldLimits.Summary)]
    public string? Summary { get; set; }

    public List<DealSource> Sources { get; set; } = [];

    public bool IsPublished { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The last day of the term (<see cref="Analytics.DealTerms.End(DateOnly, DateOnly?, DateOnly?, int?)"/>).</summary>
    public DateOnly? EffectiveTermEnd => Analytics.DealTerms.End(AnnouncedOn, TermStart, TermEnd, TermMonths);
}

/// <summary>A company's part in a deal.</summary>
public sealed class DealParty
{
    public int Id { get; set; }

    public int DealId { get; set; }

    public int CompanyId { get; set; }

    public Company? Company { get; set; }

    public PartyRole Role { get; set; }
}

/// <summary>A data center a deal involves, optionally with the MW share it covers.</summary>
public sealed class DealDataCenter
{
    public int Id { get; set; }

    public int DealId { get; set; }

    public int DataCenterId { get; set; }

    public DataCenter? DataCenter { get; set; }

    public Figure? Share { get; set; }
}

/// <summary>A source cited by a deal, in footnote order, with the figures it supports.</summary>
public sealed class DealSource
{
    public int Id { get; set; }

    public int DealId { get; set; }

    public int SourceId { get; set; }

    public Source? Source { get; set; }

    public int Ordinal { get; set; }

    public SourceSupports Supports { get; set; }
}
