using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Domain;

/// <summary>What a company was worth at a date, and on what basis.</summary>
public sealed class Valuation : ISoftDeletable
{
    public int Id { get; set; }

    public int CompanyId { get; set; }

    public Company? Company { get; set; }

    public DateOnly AsOf { get; set; }

    /// <summary>Amount in US dollars.</summary>
    public Figure Amount { get; set; } = Figure.Undisclosed();

    public ValuationBasis Basis { get; set; }

    public int? SourceId { get; set; }

    public Source? Source { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}
