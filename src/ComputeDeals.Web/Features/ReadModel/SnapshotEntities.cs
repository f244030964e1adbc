namespace ComputeDeals.Web.Features.ReadModel;

/// <summary>
/// Builds the Core entities the public pages render (a deal with its parties, data centers and
/// sources; a company with its parent and aliases; a data center with its operator and capacity
/// timeline) from a <see cref="ReadSnapshot"/>, so query services keep their public shapes while
/// reading no SQL. Every call returns new, detached objects: a caller may change them freely.
/// References to deleted companies or data centers are left out, as the database queries did.
/// </summary>
public static class SnapshotEntities
{
    public static Source ToSource(SourceRecord s) => RecordMapper.ToSource(s);

    /// <summary>The company with its aliases (in id order) and its parent when that is not deleted.</summary>
    public static Company ToCompany(ReadSnapshot snapshot, CompanyRecord c)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(c);
        var company = Bare(c);
        company.Aliases = [.. c.Aliases.Select(name => new CompanyAlias { CompanyId = c.Id, Name = name })];
        company.Parent = CompanyOf(snapshot, c.ParentId);
        return company;
    }

    /// <summary>The company's scalar fields only (no parent, aliases or subsidiaries).</summary>
    public static Company Bare(CompanyRecord c) => RecordMapper.ToCompany(c);

    /// <summary>The data center with its operator and its capacity timeline (date, then id), each row with its source.</summary>
    public static DataCenter ToDataCenter(ReadSnapshot snapshot, DataCenterRecord d)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(d);
        var center = Bare(d);
        center.Operator = CompanyOf(snapshot, d.OperatorId);
        center.Capacity = [.. d.Capacity.Select(r => ToCapacityRow(snapshot, d.Id, r))];
        return center;
    }

    /// <summary>The data center's scalar fields only.</summary>
    public static DataCenter Bare(DataCenterRecord d) => RecordMapper.ToDataCenter(d);

    public static CapacityRow ToCapacityRow(ReadSnapshot snapshot, int dataCenterId, CapacityRecord r)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(r);
        return new CapacityRow(r.EffectiveDate, r.Precision, r.Power, r.AcceleratorType, r.Accelerators, r.Status)
        {
            Id = r.Id,
            DataCenterId = dataCenterId,
            SourceId = r.SourceId,
            Source = SourceOf(snapshot, r.SourceId),
        };
    }

    public static Valuation ToValuation(ReadSnapshot snapshot, ValuationRecord v)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(v);
        var valuation = RecordMapper.ToValuation(v);
        valuation.Company = CompanyOf(snapshot, v.CompanyId);
        valuation.Source = SourceOf(snapshot, v.SourceId);
        return valuation;
    }

    /// <summary>
    /// The published deal with parties (stored order, by id), data centers (by id) and sources (footnote
    /// order), each with its company, data center or source; links to deleted companies and data centers are left out.
    /// </summary>
    public static Deal ToDeal(ReadSnapshot snapshot, DealRecord d)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(d);
        var deal = RecordMapper.ToDeal(d);
        deal.IsPublished = true;
        deal.Parties = [.. d.Parties
            .Where(p => snapshot.Companies.ContainsKey(p.CompanyId))
            .Select(p => new DealParty { Id = p.Id, DealId = d.Id, CompanyId = p.CompanyId, Company = Bare(snapshot.Companies[p.CompanyId]), Role = p.Role })];
        deal.DataCenters = [.. d.DataCenters
            .Where(x => snapshot.DataCenters.ContainsKey(x.DataCenterId))
            .Select(x => new DealDataCenter { Id = x.Id, DealId = d.Id, DataCenterId = x.DataCenterId, DataCenter = Bare(snapshot.DataCenters[x.DataCenterId]), Share = x.Share })];
        deal.Sources = [.. d.Sources.Select(s => new DealSource
        {
            Id = s.Id,
            DealId = d.Id,
            SourceId = s.SourceId,
            Source = SourceOf(snapshot, s.SourceId),
            Ordinal = s.Ordinal,
            Supports = s.Supports,
        })];
        return deal;
    }

    private static Company? CompanyOf(ReadSnapshot snapshot, int? id) =>
        id is { } companyId && snapshot.Companies.TryGetValue(companyId, out var c) ? Bare(c) : null;

    private static Source? SourceOf(ReadSnapshot snapshot, int? id) =>
        id is { } sourceId && snapshot.Sources.TryGetValue(sourceId, out var s) ? ToSource(s) : null;
}
