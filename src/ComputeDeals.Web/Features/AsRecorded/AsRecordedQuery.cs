using System.Globalization;
using ComputeDeals.Core.Domain;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;

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
            return (new RecordedMoment(end, day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), null), null);
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
    public async Task<DateTimeOffset?> ReleaseTimeAsync(string releaseId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var created = await db.Releases.AsNoTracking().Where(r => r.Id == releaseId).Select(r => (DateTimeOffset?)r.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return created;
    }

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

        var records = await db.ChangeRecords.AsNoTracking().Where(c => c.EntityKind == kind && c.EntityId == id.Value)
            .OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
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
        return new RecordedVersion(kind, id.Value, current.Value.Slug, state, versionAt, since);
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

    private static async Task<(string Slug, Snapshot Fields)?> CurrentAsync(AppDbContext db, EntityKind kind, int id, CancellationToken cancellationToken)
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
                return (deal.Slug, Snapshots.Of(deal, companies, centers));
            case EntityKind.Company:
                var company = await db.Companies.AsNoTracking().Include(c => c.Aliases).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
                if (company is null)
                {
                    return null;
                }

                var parent = company.ParentId is null ? null : await db.Companies.Where(c => c.Id == company.ParentId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
                return (company.Slug, Snapshots.Of(company, parent));
            case EntityKind.DataCenter:
                var center = await db.DataCenters.AsNoTracking().Include(c => c.Capacity).ThenInclude(r => r.Source).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
                if (center is null)
                {
                    return null;
                }

                var operatorName = await db.Companies.Where(c => c.Id == center.OperatorId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
                return (center.Slug, Snapshots.Of(center, operatorName));
            default:
                return null;
        }
    }
}
