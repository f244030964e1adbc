namespace ComputeDeals.Web.Data.Seeding;

// The shapes of the files under data/seed/: references between records are by slug or key.

// Figures are read straight into Core's immutable Figure record (low, high, qualifier, basis, note).

public sealed record SeedCompany(
    string Slug, string Name, CompanyKind Kind, string? Country, string? Website, string? Description,
    string? Parent, DateOnly? ParentSince, List<string>? Aliases, CapacityCoverage Coverage = CapacityCoverage.NotTracked);

public sealed record SeedSource(string Key, string Url, string Title, string? Publisher, DateOnly? PublishedOn);

public sealed record SeedValuation(string Company, DateOnly AsOf, Figure Amount, ValuationBasis Basis, string? Source);

public sealed record SeedCapacityRow(
    DateOnly Date, DatePrecision? Precision, Figure PowerMw, string? AcceleratorType, Figure? Accelerators,
    FacilityStatus Status, string? Source);

public sealed record SeedDataCenter(
    string Slug, string Name, string Operator, string? City, string? Region, string? Country,
    double? Latitude, double? Longitude, FacilityStatus Status, string? Description, List<SeedCapacityRow>? Capacity);

public sealed record SeedParty(string Company, PartyRole Role);

public sealed record SeedDealDataCenter(string Slug, Figure? ShareMw);

public sealed record SeedDealSource(string Source, List<string>? Supports);

public sealed record SeedDeal(
    string Slug, string Title, DateOnly Announced, DatePrecision? Precision, DealType Type, DealStatus Status,
    List<SeedParty> Parties, List<SeedDealDataCenter>? DataCenters, Figure? Value, ValuePeriod? ValuePeriod,
    Figure? CapacityMw, Figure? Accelerators, DateOnly? TermStart, DateOnly? TermEnd, int? TermMonths,
    string? Summary, List<SeedDealSource> Sources, bool Published = true);
