namespace ComputeDeals.Web.Features.ReadModel;

/// <summary>An entity a change record names: what to reload when it changes.</summary>
public readonly record struct EntityKey(EntityKind Kind, int Id);

/// <summary>
/// Reads the <see cref="PublishedDataset"/> from the store: one query per table, no tracking, joined
/// in memory (no N+1), either whole (<see cref="LoadAsync"/>) or for a few changed entities merged
/// into an existing dataset (<see cref="PatchAsync"/>).
/// </summary>
public static class PublishedDatasetLoader
{
    public static Task<PublishedDataset> LoadAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        LoadCoreAsync(db, null, null, null, null, cancellationToken);

    /// <summary>
    /// The dataset with the named entities read again (added, replaced or removed); everything else is
    /// taken from <paramref name="current"/>. Equal to a fresh <see cref="LoadAsync"/> when every
    /// entity changed since <paramref name="current"/> was read is named.
    /// </summary>
    public static async Task<PublishedDataset> PatchAsync(
        AppDbContext db, PublishedDataset current, IReadOnlyCollection<EntityKey> changed, CancellationToken cancellationToken = default)
    {
        int[] Ids(EntityKind kind) => [.. changed.Where(k => k.Kind == kind).Select(k => k.Id).Distinct()];
        var companyIds = Ids(EntityKind.Company);
        var centerIds = Ids(EntityKind.DataCenter);
        var dealIds = Ids(EntityKind.Deal);
        var valuationIds = Ids(EntityKind.Valuation);
        var fresh = await LoadCoreAsync(db, companyIds, centerIds, dealIds, valuationIds, cancellationToken);

        var companies = Merge(current.Companies, fresh.Companies, companyIds, c => c.Id);
        var centers = Merge(current.DataCenters, fresh.DataCenters, centerIds, d => d.Id);
        var deals = Merge(current.Deals, fresh.Deals, dealIds, d => d.Id);
        var valuations = Merge(current.Valuations, fresh.Valuations, valuationIds, v => v.Id);

        // Sources: every id still cited, read from the fresh load, else kept, else (a source edited on its own) read now.
        var sourceEdits = Ids(EntityKind.Source).ToHashSet();
        var known = current.Sources.Where(s => !sourceEdits.Contains(s.Id)).ToDictionary(s => s.Id);
        foreach (var source in fresh.Sources)
        {
            known[source.Id] = source;
        }

        var cited = CitedSourceIds(deals, centers, valuations);
        var missing = cited.Where(id => !known.ContainsKey(id)).ToArray();
        if (missing.Length > 0)
        {
            foreach (var source in await db.Sources.AsNoTracking().Where(s => missing.Contains(s.Id)).ToListAsync(cancellationToken))
            {
                known[source.Id] = ToRecord(source);
            }
        }

        var sources = cited.Where(known.ContainsKey).Order().Select(id => known[id]).ToList();
        return new PublishedDataset(companies, centers, deals, valuations, sources);
    }

    private static List<T> Merge<T>(IReadOnlyList<T> current, IReadOnlyList<T> fresh, int[] reloaded, Func<T, int> id)
    {
        if (reloaded.Length == 0)
        {
            return [.. current];
        }

        var drop = reloaded.ToHashSet();
        return [.. current.Where(x => !drop.Contains(id(x))).Concat(fresh).OrderBy(id)];
    }

    private static SortedSet<int> CitedSourceIds(IEnumerable<DealRecord> deals, IEnumerable<DataCenterRecord> centers, IEnumerable<ValuationRecord> valuations)
    {
        var ids = new SortedSet<int>();
        foreach (var deal in deals)
        {
            foreach (var source in deal.Sources)
            {
                ids.Add(source.SourceId);
            }
        }

        foreach (var row in centers.SelectMany(c => c.Capacity))
        {
            if (row.SourceId is { } id)
            {
                ids.Add(id);
            }
        }

        foreach (var valuation in valuations)
        {
            if (valuation.SourceId is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>Loads everything (all id arrays null) or only the entities with the given ids.</summary>
    private static async Task<PublishedDataset> LoadCoreAsync(
        AppDbContext db, int[]? companyIds, int[]? centerIds, int[]? dealIds, int[]? valuationIds, CancellationToken cancellationToken)
    {
        var whole = companyIds is null;
        var companies = new List<CompanyRecord>();
        if (whole || companyIds!.Length > 0)
        {
            var companyQuery = db.Companies.AsNoTracking().Where(c => !c.IsDeleted);
            var aliasQuery = db.CompanyAliases.AsNoTracking();
            if (!whole)
            {
                companyQuery = companyQuery.Where(c => companyIds!.Contains(c.Id));
                aliasQuery = aliasQuery.Where(a => companyIds!.Contains(a.CompanyId));
            }

            var aliases = (await aliasQuery.OrderBy(a => a.Id).ToListAsync(cancellationToken)).ToLookup(a => a.CompanyId, a => a.Name);
            companies = [.. (await companyQuery.OrderBy(c => c.Id).ToListAsync(cancellationToken)).Select(c => new CompanyRecord(
                c.Id, c.Name, c.Slug, c.Kind, c.Country, c.Website, c.Description, c.ParentId, c.ParentSince,
                [.. aliases[c.Id]], c.CreatedAt, c.UpdatedAt, c.Coverage))];
        }

        var centers = new List<DataCenterRecord>();
        if (whole || centerIds!.Length > 0)
        {
            var centerQuery = db.DataCenters.AsNoTracking().Where(d => !d.IsDeleted);
            var rowQuery = db.CapacityRows.AsNoTracking();
            if (!whole)
            {
                centerQuery = centerQuery.Where(d => centerIds!.Contains(d.Id));
                rowQuery = rowQuery.Where(r => centerIds!.Contains(r.DataCenterId));
            }

            var rows = (await rowQuery.ToListAsync(cancellationToken))
                .OrderBy(r => r.EffectiveDate).ThenBy(r => r.Id)
                .ToLookup(r => r.DataCenterId, r => new CapacityRecord(r.Id, r.EffectiveDate, r.Precision, r.Power, r.AcceleratorType, r.Accelerators, r.Status, r.SourceId));
            centers = [.. (await centerQuery.OrderBy(d => d.Id).ToListAsync(cancellationToken)).Select(d => new DataCenterRecord(
                d.Id, d.Name, d.Slug, d.OperatorId, d.City, d.Region, d.Country, d.Latitude, d.Longitude, d.Status, d.Description,
                [.. rows[d.Id]], d.CreatedAt, d.UpdatedAt))];
        }

        var deals = new List<DealRecord>();
        if (whole || dealIds!.Length > 0)
        {
            var dealQuery = db.Deals.AsNoTracking().Where(d => d.IsPublished);
            var partyQuery = db.DealParties.AsNoTracking().Where(p => db.Deals.Any(d => d.Id == p.DealId && d.IsPublished));
            var placeQuery = db.DealDataCenters.AsNoTracking().Where(p => db.Deals.Any(d => d.Id == p.DealId && d.IsPublished));
            var citeQuery = db.DealSources.AsNoTracking().Where(p => db.Deals.Any(d => d.Id == p.DealId && d.IsPublished));
            if (!whole)
            {
                dealQuery = dealQuery.Where(d => dealIds!.Contains(d.Id));
                partyQuery = partyQuery.Where(p => dealIds!.Contains(p.DealId));
                placeQuery = placeQuery.Where(p => dealIds!.Contains(p.DealId));
                citeQuery = citeQuery.Where(p => dealIds!.Contains(p.DealId));
            }

            var parties = (await partyQuery.OrderBy(p => p.Id).ToListAsync(cancellationToken))
                .ToLookup(p => p.DealId, p => new DealPartyRecord(p.Id, p.CompanyId, p.Role));
            var places = (await placeQuery.OrderBy(p => p.Id).ToListAsync(cancellationToken))
                .ToLookup(p => p.DealId, p => new DealDataCenterRecord(p.Id, p.DataCenterId, p.Share));
            var cites = (await citeQuery.ToListAsync(cancellationToken))
                .OrderBy(s => s.Ordinal).ThenBy(s => s.Id)
                .ToLookup(p => p.DealId, p => new DealSourceRecord(p.Id, p.SourceId, p.Ordinal, p.Supports));
            // Arrays, not lists: a list and its read-only wrapper cost 56 bytes more per collection, three per deal
            // (about 16 MB at 100,000 deals); a deal with no data centers or sources shares the one empty array.
            deals = [.. (await dealQuery.OrderBy(d => d.Id).ToListAsync(cancellationToken)).Select(d => new DealRecord(
                d.Id, d.Title, d.Slug, d.AnnouncedOn, d.AnnouncedPrecision, d.Type, d.Status, parties[d.Id].ToArray(), places[d.Id].ToArray(),
                d.Value, d.ValuePeriod, d.Capacity, d.Accelerators, d.TermStart, d.TermEnd, d.TermMonths, d.Summary, cites[d.Id].ToArray(),
                d.PublishedAt, d.CreatedAt, d.UpdatedAt))];
        }

        var valuations = new List<ValuationRecord>();
        if (whole || valuationIds!.Length > 0)
        {
            var valuationQuery = db.Valuations.AsNoTracking();
            if (!whole)
            {
                valuationQuery = valuationQuery.Where(v => valuationIds!.Contains(v.Id));
            }

            valuations = [.. (await valuationQuery.OrderBy(v => v.Id).ToListAsync(cancellationToken)).Select(v => new ValuationRecord(
                v.Id, v.CompanyId, v.AsOf, v.Amount, v.Basis, v.SourceId, v.CreatedAt, v.UpdatedAt))];
        }

        var cited = CitedSourceIds(deals, centers, valuations);
        var sources = new List<SourceRecord>();
        if (cited.Count > 0)
        {
            var sourceQuery = db.Sources.AsNoTracking();
            if (!whole)
            {
                var ids = cited.ToArray();
                sourceQuery = sourceQuery.Where(s => ids.Contains(s.Id));
            }

            sources = [.. (await sourceQuery.OrderBy(s => s.Id).ToListAsync(cancellationToken)).Where(s => cited.Contains(s.Id)).Select(ToRecord)];
        }

        return new PublishedDataset(companies, centers, deals, valuations, sources);
    }

    private static SourceRecord ToRecord(Source s) => new(s.Id, s.Url, s.Title, s.Publisher, s.PublishedOn);
}
