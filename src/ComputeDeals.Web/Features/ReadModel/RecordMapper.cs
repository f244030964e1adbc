using Riok.Mapperly.Abstractions;

namespace ComputeDeals.Web.Features.ReadModel;

/// <summary>
/// Copies a read-model record's same-named fields onto a new Core entity. The copies are generated at
/// compile time (Riok.Mapperly: plain assignments, no reflection); every property on either side must be
/// mapped or ignored here by name, or the build fails (RMG012/RMG020 are errors in .editorconfig), so a
/// field added to a record or an entity is never silently dropped. Navigations that need the snapshot
/// (parent, operator, company, source, parties…) are ignored here and filled in by <see cref="SnapshotEntities"/>.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both)]
internal static partial class RecordMapper
{
    public static partial Source ToSource(SourceRecord source);

    [MapperIgnoreSource(nameof(CompanyRecord.Aliases))]
    [MapperIgnoreTarget(nameof(Company.Aliases))]
    [MapperIgnoreTarget(nameof(Company.Parent))]
    [MapperIgnoreTarget(nameof(Company.Subsidiaries))]
    [MapperIgnoreTarget(nameof(Company.IsDeleted))]
    [MapperIgnoreTarget(nameof(Company.Version))]
    public static partial Company ToCompany(CompanyRecord source);

    [MapperIgnoreSource(nameof(DataCenterRecord.Capacity))]
    [MapperIgnoreTarget(nameof(DataCenter.Capacity))]
    [MapperIgnoreTarget(nameof(DataCenter.Operator))]
    [MapperIgnoreTarget(nameof(DataCenter.IsDeleted))]
    [MapperIgnoreTarget(nameof(DataCenter.Version))]
    public static partial DataCenter ToDataCenter(DataCenterRecord source);

    [MapperIgnoreTarget(nameof(Valuation.Company))]
    [MapperIgnoreTarget(nameof(Valuation.Source))]
    [MapperIgnoreTarget(nameof(Valuation.IsDeleted))]
    [MapperIgnoreTarget(nameof(Valuation.Version))]
    public static partial Valuation ToValuation(ValuationRecord source);

    [MapperIgnoreSource(nameof(DealRecord.Parties))]
    [MapperIgnoreSource(nameof(DealRecord.DataCenters))]
    [MapperIgnoreSource(nameof(DealRecord.Sources))]
    [MapperIgnoreTarget(nameof(Deal.Parties))]
    [MapperIgnoreTarget(nameof(Deal.DataCenters))]
    [MapperIgnoreTarget(nameof(Deal.Sources))]
    [MapperIgnoreTarget(nameof(Deal.IsPublished))]
    [MapperIgnoreTarget(nameof(Deal.IsDeleted))]
    [MapperIgnoreTarget(nameof(Deal.Version))]
    public static partial Deal ToDeal(DealRecord source);
}
