using System.ComponentModel.DataAnnotations;
using ComputeDeals.Core.Validation;

namespace ComputeDeals.Core.Domain;

/// <summary>A company that owns, sells, buys or funds compute capacity.</summary>
public sealed class Company : ISoftDeletable
{
    public int Id { get; set; }

    [MaxLength(FieldLimits.Name)]
    public required string Name { get; set; }

    [MaxLength(Slugs.MaxLength)]
    public required string Slug { get; set; }

    public CompanyKind Kind { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    [MaxLength(FieldLimits.CountryCode)]
    public string? Country { get; set; }

    [MaxLength(FieldLimits.Website)]
    public string? Website { get; set; }

    /// <summary>Short Markdown description.</summary>
    [MaxLength(FieldLimits.Description)]
    public string? Description { get; set; }

    /// <summary>
    /// How completely its own data centers are tracked. A company is not tracked until an editor says
    /// otherwise, so a missing site never reads as zero capacity.
    /// </summary>
    public CapacityCoverage Coverage { get; set; } = CapacityCoverage.NotTracked;

    public int? ParentId { get; set; }

    public Company? Parent { get; set; }

    /// <summary>When the parent relationship took effect (e.g. a merger's date).</summary>
    public DateOnly? ParentSince { get; set; }

    public List<Company> Subsidiaries { get; set; } = [];

    public List<CompanyAlias> Aliases { get; set; } = [];

    public bool IsDeleted { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>Another name a company is known by (e.g. Anysphere for Cursor).</summary>
public sealed class CompanyAlias
{
    public int Id { get; set; }

    public int CompanyId { get; set; }

    [MaxLength(FieldLimits.Name)]
    public required string Name { get; set; }
}
