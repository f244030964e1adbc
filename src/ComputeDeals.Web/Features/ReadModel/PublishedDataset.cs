using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComputeDeals.Web.Features.ReadModel;

/// <summary>
/// Every published record, as plain immutable records: the input of <see cref="ReadSnapshot.Build"/>
/// and the content of a release. Lists are ordered by id so two loads of the same data serialize to
/// the same bytes. References are by id and kept as stored: a party whose company was deleted stays
/// in <see cref="DealRecord.Parties"/> and the snapshot leaves it out (so restoring the company
/// brings it back without touching the deal).
/// </summary>
public sealed record PublishedDataset(
    IReadOnlyList<CompanyRecord> Companies,
    IReadOnlyList<DataCenterRecord> DataCenters,
    IReadOnlyList<DealRecord> Deals,
    IReadOnlyList<ValuationRecord> Valuations,
    IReadOnlyList<SourceRecord> Sources)
{
    public static readonly PublishedDataset Empty = new([], [], [], [], []);

    /// <summary>The options every serialized dataset uses (camelCase, enums by name).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static PublishedDataset FromJson(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<PublishedDataset>(utf8Json, JsonOptions) ?? throw new JsonException("The dataset is empty.");

    public static PublishedDataset FromJson(string json) =>
        JsonSerializer.Deserialize<PublishedDataset>(json, JsonOptions) ?? throw new JsonException("The dataset is empty.");
}

/// <summary>
/// A company that is not deleted. <see cref="Coverage"/> is last, with a default, so a release written
/// before coverage existed reads as "not tracked" rather than as complete.
/// </summary>
public sealed record CompanyRecord(
    int Id,
    string Name,
    string Slug,
    CompanyKind Kind,
    string? Country,
    string? Website,
    string? Description,
    int? ParentId,
    DateOnly? ParentSince,
    IReadOnlyList<string> Aliases,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    CapacityCoverage Coverage = CapacityCoverage.NotTracked);

/// <summary>A data center that is not deleted, with its capacity timeline ordered by date then id.</summary>
public sealed record DataCenterRecord(
    int Id,
    string Name,
    string Slug,
    int OperatorId,
    string? City,
    string? Region,
    string? Country,
    double? Latitude,
    double? Longitude,
    FacilityStatus Status,
    string? Description,
    IReadOnlyList<CapacityRecord> Capacity,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Where it is: <see cref="DataCenter.LocationOf"/>, the text every page and export shows.</summary>
    public string Location => DataCenter.LocationOf(City, Region, Country);
}

/// <summary>One dated row of a data center's capacity timeline.</summary>
public sealed record CapacityRecord(
    int Id,
    DateOnly EffectiveDate,
    DatePrecision Precision,
    Figure Power,
    string? AcceleratorType,
    Figure? Accelerators,
    FacilityStatus Status,
    int? SourceId);

/// <summary>A published, not deleted deal. Parties and data centers are in id order, sources in footnote order.</summary>
public sealed record DealRecord(
    int Id,
    string Title,
    string Slug,
    DateOnly AnnouncedOn,
    DatePrecision AnnouncedPrecision,
    DealType Type,
    DealStatus Status,
    IReadOnlyList<DealPartyRecord> Parties,
    IReadOnlyList<DealDataCenterRecord> DataCenters,
    Figure Value,
    ValuePeriod ValuePeriod,
    Figure? Capacity,
    Figure? Accelerators,
    DateOnly? TermStart,
    DateOnly? TermEnd,
    int? TermMonths,
    string? Summary,
    IReadOnlyList<DealSourceRecord> Sources,
    DateTimeOffset? PublishedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record DealPartyRecord(int Id, int CompanyId, PartyRole Role);

public sealed record DealDataCenterRecord(int Id, int DataCenterId, Figure? Share);

public sealed record DealSourceRecord(int Id, int SourceId, int Ordinal, SourceSupports Supports);

/// <summary>A valuation that is not deleted.</summary>
public sealed record ValuationRecord(
    int Id,
    int CompanyId,
    DateOnly AsOf,
    Figure Amount,
    ValuationBasis Basis,
    int? SourceId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A source cited by a published deal, a valuation or a capacity row.</summary>
public sealed record SourceRecord(int Id, string Url, string Title, string? Publisher, DateOnly? PublishedOn);
