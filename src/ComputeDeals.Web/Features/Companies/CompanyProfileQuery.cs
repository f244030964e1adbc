namespace ComputeDeals.Web.Features.Companies;

/// <summary>A data center a company operates, with the capacity row in force today.</summary>
public sealed record OperatedDataCenter(string Slug, string Name, string Location, FacilityStatus Status, CapacityRow? Current);

/// <summary>Everything the company page shows.</summary>
public sealed record CompanyProfile(
    Company Company,
    IReadOnlyList<Company> Subsidiaries,
    IReadOnlyList<Valuation> Valuations,
    IReadOnlyList<OperatedDataCenter> DataCenters,
    IReadOnlyList<(PartyRole Role, IReadOnlyList<DealSummary> Deals)> DealsByRole,
    DateOnly Today);

/// <summary>Finds a company profile by slug in the read model (no SQL); null when it does not exist or was deleted.</summary>
public sealed class CompanyProfileQuery(ReadModel.ReadModel readModel, TimeProvider time)
{
    public Task<CompanyProfile?> FindAsync(string slug, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(readModel.Current, slug, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));

    /// <summary>
    /// The company with its parent (when not deleted) and aliases, subsidiaries by name, valuations
    /// oldest first, operated data centers by name with today's capacity, and its published deals
    /// grouped by role (role order, each group newest first; a deal appears once per role it holds).
    /// </summary>
    public static CompanyProfile? Find(ReadSnapshot snapshot, string slug, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!snapshot.CompaniesBySlug.TryGetValue(slug, out var record))
        {
            return null;
        }

        var company = SnapshotEntities.ToCompany(snapshot, record);
        var subsidiaries = snapshot.SubsidiariesByParent.TryGetValue(record.Id, out var subs)
            ? subs.Select(SnapshotEntities.Bare).ToList()
            : [];
        var valuations = snapshot.ValuationsByCompany.TryGetValue(record.Id, out var values)
            ? values.Select(v => SnapshotEntities.ToValuation(snapshot, v)).ToList()
            : [];
        var centers = snapshot.DataCentersByOperator.TryGetValue(record.Id, out var operated)
            ? operated.Select(d => SnapshotEntities.ToDataCenter(snapshot, d))
                .Select(d => new OperatedDataCenter(d.Slug, d.Name, d.Location, d.Status, d.CapacityAt(today)))
                .ToList()
            : [];

        var byRole = new SortedDictionary<PartyRole, List<DealSummary>>();
        if (snapshot.DealsByCompany.TryGetValue(record.Id, out var positions))
        {
            // Positions ascend in timeline order, so each role's list comes out newest first.
            foreach (var position in positions)
            {
                var entry = snapshot.Deals[position];
                foreach (var role in entry.Deal.Parties.Where(p => p.CompanyId == record.Id).Select(p => p.Role).Distinct())
                {
                    if (!byRole.TryGetValue(role, out var list))
                    {
                        byRole[role] = list = [];
                    }

                    list.Add(entry.Summary);
                }
            }
        }

        return new CompanyProfile(
            company,
            subsidiaries,
            valuations,
            centers,
            [.. byRole.Select(g => (g.Key, (IReadOnlyList<DealSummary>)g.Value))],
            today);
    }
}
