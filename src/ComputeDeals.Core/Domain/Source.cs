using System.ComponentModel.DataAnnotations;
using ComputeDeals.Core.Validation;

namespace ComputeDeals.Core.Domain;

/// <summary>A published report that supports a figure or fact.</summary>
public sealed class Source
{
    public int Id { get; set; }

    [MaxLength(FieldLimits.Url)]
    public required string Url { get; set; }

    [MaxLength(FieldLimits.SourceTitle)]
    public required string Title { get; set; }

    [MaxLength(FieldLimits.Publisher)]
    public string? Publisher { get; set; }

    public DateOnly? PublishedOn { get; set; }
}
