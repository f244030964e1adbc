using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;

namespace ComputeDeals.Web.Data.Seeding;

// The shapes of the files under data/seed/: references between records are by slug or key.

public sealed record SeedFigure(double? Low, double? High, FigureQualifier Qualifier, FigureBasis Basis, string? Note)
{
    public Figure ToFigure() => new() { Low = Low, High = High, Qualifier = Qualifier, Basis = Basis, Note = Note };
}

public sealed record SeedCompany(
    string Slug, string Name, CompanyKind Kind, string? Country, string? Website, string? Description,
    string? Parent, DateOnly? ParentSince, List<string>? Aliases);

public sealed record SeedSource(string Key, string Url, string Title, string? Publisher, DateOnly? PublishedOn);

public sealed record SeedValuation(string Company, DateOnly AsOf, SeedFigure Amount, ValuationBasis Basis, string? Source);

public sealed record SeedCapacityRow(
    DateOnly Date, DatePrecision? Precision, SeedFigure PowerMw, string? AcceleratorType, SeedFigure? Accelerators,
    FacilityStatus Status, string? Source);

public sealed record SeedDataCenter(
    string Slug, string Name, string Operator, string? City, string? Region, string? Country,
    double? Latitude, double? Longitude, FacilityStatus Status, string? Description, List<SeedCapacityRow>? Capacity);

public sealed record SeedParty(string Company, PartyRole Role);

public sealed record SeedDealDataCenter(string Slug, SeedFigure? ShareMw);

public sealed record SeedDealSource(string Source, List<string>? Supports);

public sealed record SeedDeal(
    string Slug, string Title, DateOnly Announced, DatePrecision? Precision, DealType Type, DealStatus Status,
    List<SeedParty> Parties, List<SeedDealDataCenter>? DataCenters, SeedFigure? Value, ValuePeriod? ValuePeriod,
    SeedFigure? CapacityMw, SeedFigure? Accelerators, DateOnly? TermStart, DateOnly? TermEnd, int? TermMonths,
    string? Summary, List<SeedDealSource> Sources, bool Published = true);
