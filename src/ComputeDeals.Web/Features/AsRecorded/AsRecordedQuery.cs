namespace ComputeDeals.Web.Features.AsRecorded;

/// <summary>When a reader asked to see a record: a day (?asOf=2026-05-01), an instant (a history link) or a release.</summary>
public sealed record RecordedMoment(DateTimeOffset Instant, string Label, string? ReleaseId)
{
    /// <summary>Parses ?asOf= or ?release=; null with an error message when neither reads.</summary>
    public static (RecordedMoment? Moment, string? Error) Parse(string? asOf, string? release, Func<string, DateTimeOffset?> releaseTime)
    {
        ArgumentNullException.ThrowIfNull(releaseTime);
        if (!string.IsNullOrWhiteSpace(release))
        {
            return releaseTime(release.Trim()) is { } created
                ? (new RecordedMoment(created, $"release {release.Trim()}", release.Trim()), null)
                : (null, $"There is no release \"{release.Trim()}\". The list of releases is at /data.");
        }

        if (string.IsNullOrWhiteSpace(asOf))
        {
            return (null, "Give a date (?asOf=YYYY-MM-DD) or a release (?release=ID).");
        }

        if (DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            // The whole day: everything published by the end of it (UTC).
            var end = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1).AddTicks(-1);
            return (new RecordedMoment(end, Labels.Date(day, DatePrecision.Day), null), null);
        }

        if (DateTimeOffset.TryParse(asOf.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return (new RecordedMoment(instant, instant.UtcDateTime.ToString("d MMMM yyyy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture), null), null);
        }

        return (null, $"\"{asOf}\" is not a date: use YYYY-MM-DD, for example ?asOf=2026-05-01.");
    }
}

/// <summary>One record as the site published it at a moment, and what changed after.</summary>
public sealed record RecordedVersion(
    EntityKind Kind, int Id, string CurrentSlug, Snapshot Fields, DateTimeOffset? VersionAt, IReadOnlyList<RecordedChange> ChangesSince)
{
    /// <summary>The deal rebuilt from <see cref="Fields"/> for its permalink page (null for other kinds, or when a text did not read back).</summary>
    public Deal? Deal { get; init; }

    /// <summary>The company rebuilt from <see cref="Fields"/>, likewise.</summary>
    public Company? Company { get; init; }

    /// <summary>The data center rebuilt from <see cref="Fields"/>, likewise.</summary>
    public DataCenter? DataCenter { get; init; }

    public string? this[string field] => Fields.TryGetValue(field, out var value) ? value : null;
}

/// <summary>A change made after the moment shown: when, and which fields went from what to what.</summary>
public sealed record RecordedChange(DateTimeOffset At, ChangeAction Action, IReadOnlyList<FieldChange> Fields);

/// <summary>
/// Rebuilds a record as published at a moment from the change history: start from the record as it
/// is now (flattened the way change records flatten it) and undo, newest first, every change made
/// after the moment. A record created after the moment, or not published (or deleted) at it, has
/// no public version then.
/// </summary>
public sealed class AsRecordedQuery(IDbContextFactory<AppDbContext> factory)
{
    /// <summary>The record with this slug (current or former) as published at the instant, or null.</summary>
    public async Task<RecordedVersion?> FindAsync(EntityKind kind, string slug, DateTimeOffset instant, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var id = await IdAsync(db, kind, slug, cancellationToken);
        if (id is null)
        {
            return null;
        }

        var current = await CurrentAsync(db, kind, id.Value, cancellationToken);
        if (current is null)
        {
            return null;
        }

        var records = await db.ChangeRecords.AsNoTracking().HistoryOf(kind, id.Value).ToListAsync(cancellationToken);
        var state = new Snapshot();
        foreach (var (field, value) in current.Value.Fields)
        {
            state[field] = value;
        }

        var since = new List<RecordedChange>();
        DateTimeOffset? versionAt = null;
        foreach (var record in records)
        {
            if (record.At <= instant)
            {
                versionAt ??= record.At;
                continue;
            }

            if (record.Action == ChangeAction.Create)
            {
                return null;
            }

            var fields = Snapshot.FromJson(record.Changes);
            since.Add(new RecordedChange(record.At, record.Action, fields));
            foreach (var change in fields)
            {
                state[change.Field] = change.Old;
            }
        }

        if (records.Count > 0 && records[^1].At > instant)
        {
            return null;
        }

        var published = kind != EntityKind.Deal || state.GetValueOrDefault("Published") == "yes";
        if (!published || state.GetValueOrDefault("Deleted") == "yes")
        {
            return null;
        }

        since.Reverse();
        var lookups = await LookupsAsync(db, kind, state, cancellationToken);
        return new RecordedVersion(kind, id.Value, current.Value.Slug, state, versionAt, since)
        {
            Deal = kind == EntityKind.Deal ? RecordedEntities.ToDeal(id.Value, state, lookups) : null,
            Company = kind == EntityKind.Company ? RecordedEntities.ToCompany(id.Value, state, lookups) : null,
            DataCenter = kind == EntityKind.DataCenter ? RecordedEntities.ToDataCenter(id.Value, state, lookups, current.Value.Rows) : null,
        };
    }

    /// <summary>The companies, data centers and sources the version names, as stored now (deleted ones too: they may have been public then).</summary>
    private static async Task<RecordedLookups> LookupsAsync(AppDbContext db, EntityKind kind, Snapshot state, CancellationToken cancellationToken)
    {
        var (companyNames, centerNames, urls) = RecordedEntities.Names(kind, state);
        var companies = new Dictionary<string, Company>(StringComparer.Ordinal);
        if (companyNames.Count > 0)
        {
            var names = companyNames.Distinct().ToList();
            foreach (var company in await db.Companies.AsNoTracking().Where(c => names.Contains(c.Name)).OrderBy(c => c.IsDeleted).ThenBy(c => c.Id).ToListAsync(cancellationToken))
            {
                companies.TryAdd(company.Name, company);
            }
        }

        var centers = new Dictionary<string, DataCenter>(StringComparer.Ordinal);
        if (centerNames.Count > 0)
        {
            var names = centerNames.Distinct().ToList();
            foreach (var center in await db.DataCenters.AsNoTracking().Where(c => names.Contains(c.Name)).OrderBy(c => c.IsDeleted).ThenBy(c => c.Id).ToListAsync(cancellationToken))
            {
                centers.TryAdd(center.Name, center);
            }
        }

        var sources = new Dictionary<string, IReadOnlyList<Source>>(StringComparer.Ordinal);
        if (urls.Count > 0)
        {
            var distinct = urls.Distinct().ToList();
            var found = await db.Sources.AsNoTracking().Where(s => distinct.Contains(s.Url)).OrderBy(s => s.Id).ToListAsync(cancellationToken);
            foreach (var group in found.GroupBy(s => s.Url))
            {
                sources[group.Key] = [.. group];
            }
        }

        return new RecordedLookups(companies, centers, sources);
    }

    private static async Task<int?> IdAsync(AppDbContext db, EntityKind kind, string slug, CancellationToken cancellationToken)
    {
        var id = kind switch
        {
            EntityKind.Deal => await db.Deals.IgnoreQueryFilters().Where(d => d.Slug == slug).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken),
            EntityKind.Company => await db.Companies.Where(c => c.Slug == slug).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken),
            EntityKind.DataCenter => await db.DataCenters.Where(c => c.Slug == slug).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken),
            _ => null,
        };
        return id ?? await db.SlugHistory.Where(h => h.EntityKind == kind && h.OldSlug == slug).Select(h => (int?)h.EntityId).FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<(string Slug, Snapshot Fields, IReadOnlyList<CapacityRow> Rows)?> CurrentAsync(AppDbContext db, EntityKind kind, int id, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case EntityKind.Deal:
                var deal = await db.Deals.IgnoreQueryFilters().AsNoTracking().Where(d => d.Id == id)
                    .Include(d => d.Parties).Include(d => d.DataCenters).Include(d => d.Sources).ThenInclude(s => s.Source)
                    .AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
                if (deal is null)
                {
                    return null;
                }

                var companyIds = deal.Parties.Select(p => p.CompanyId).Distinct().ToList();
                var centerIds = deal.DataCenters.Select(d => d.DataCenterId).Distinct().ToList();
                var companies = await db.Companies.AsNoTracking().Where(c => companyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
                var centers = await db.DataCenters.AsNoTracking().Where(c => centerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
                return (deal.Slug, Snapshots.Of(deal, companies, centers), []);
            case EntityKind.Company:
                var company = await db.Companies.AsNoTracking().Include(c => c.Aliases).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
                if (company is null)
                {
                    return null;
                }

                var parent = company.ParentId is null ? null : await db.Companies.Where(c => c.Id == company.ParentId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
                return (company.Slug, Snapshots.Of(company, parent), []);
            case EntityKind.DataCenter:
                var center = await db.DataCenters.AsNoTracking().Include(c => c.Capacity).ThenInclude(r => r.Source).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
                if (center is null)
                {
                    return null;
                }

                var operatorName = await db.Companies.Where(c => c.Id == center.OperatorId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
                return (center.Slug, Snapshots.Of(center, operatorName), center.Capacity);
            default:
                return null;
        }
    }
}
