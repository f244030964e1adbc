namespace ComputeDeals.Web.Features.Deals;

/// <summary>A deal as a list row: enough to show the headline, not the whole record.</summary>
public sealed record DealSummary(
    string Slug,
    string Title,
    DateOnly AnnouncedOn,
    DatePrecision Precision,
    DealType Type,
    DealStatus Status,
    IReadOnlyList<PartySummary> Parties,
    Figure Value,
    ValuePeriod ValuePeriod,
    Figure? Capacity,
    string? Summary)
{
    /// <summary>The database id: stable across slug renames (feed entry ids use it).</summary>
    public int Id { get; init; }

    /// <summary>When the deal was last changed (feed entries' "updated").</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    public string ValueText => FigureFormatter.FormatDealValue(Value, ValuePeriod);

    public string CapacityText => Capacity is null ? "—" : FigureFormatter.Format(Capacity, FigureUnit.Megawatts);
}

public sealed record PartySummary(string Slug, string Name, PartyRole Role);
