namespace ComputeDeals.Core.Domain;

/// <summary>A published report that supports a figure or fact.</summary>
public sealed class Source
{
    public int Id { get; set; }

    public required string Url { get; set; }

    public required string Title { get; set; }

    public string? Publisher { get; set; }

    public DateOnly? PublishedOn { get; set; }
}
