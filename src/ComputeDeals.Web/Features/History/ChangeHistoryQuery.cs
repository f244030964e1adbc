namespace ComputeDeals.Web.Features.History;

/// <summary>One change as the history views show it. <see cref="ChangedBy"/> is null for readers.</summary>
public sealed record ChangeEntry(
    long Id, DateTimeOffset At, ChangeAction Action, EntityKind Kind, int EntityId, string? EntityTitle, string? EntitySlug, string? ChangedBy, IReadOnlyList<FieldChange> Fields);

/// <summary>Reads change records for an entity's history and for the editors' recent-changes page.</summary>
public sealed class ChangeHistoryQuery(IDbContextFactory<AppDbContext> factory)
{
    /// <summary>An entity's changes, newest first. Editors see who made them; readers do not.</summary>
    public async Task<IReadOnlyList<ChangeEntry>> ForEntityAsync(EntityKind kind, int id, bool showWho, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var records = await db.ChangeRecords.AsNoTracking().HistoryOf(kind, id).Take(200).ToListAsync(cancellationToken);
        return records.Select(r => ToEntry(r, null, null, showWho)).ToList();
    }

    /// <summary>The latest changes across every entity, for editors.</summary>
    public async Task<IReadOnlyList<ChangeEntry>> RecentAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var records = await db.ChangeRecords.AsNoTracking().OrderByDescending(c => c.Id).Take(take).ToListAsync(cancellationToken);
        var titles = new Dictionary<(EntityKind, int), (string Title, string? Slug)>();
        foreach (var group in records.GroupBy(r => r.EntityKind))
        {
            var ids = group.Select(r => r.EntityId).Distinct().ToList();
            var rows = group.Key switch
            {
                EntityKind.Deal => await db.Deals.IgnoreQueryFilters().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, Title = d.Title, Slug = (string?)d.Slug }).ToListAsync(cancellationToken),
                EntityKind.Company => await db.Companies.Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, Title = d.Name, Slug = (string?)d.Slug }).ToListAsync(cancellationToken),
                EntityKind.DataCenter => await db.DataCenters.Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, Title = d.Name, Slug = (string?)d.Slug }).ToListAsync(cancellationToken),
                EntityKind.Valuation => await db.Valuations.IgnoreQueryFilters().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, Title = d.Company!.Name + " valuation", Slug = (string?)null }).ToListAsync(cancellationToken),
                _ => [],
            };
            foreach (var row in rows)
            {
                titles[(group.Key, row.Id)] = (row.Title, row.Slug);
            }
        }

        return records.Select(r => titles.TryGetValue((r.EntityKind, r.EntityId), out var t)
            ? ToEntry(r, t.Title, t.Slug, showWho: true)
            : ToEntry(r, null, null, showWho: true)).ToList();
    }

    /// <summary>
    /// The latest changes readers may see (for /feeds/changes.atom): changes to published deals made
    /// since they were published, and changes to companies, data centers and valuations that still
    /// exist. Who made them is left out. A valuation's slug is its company's.
    /// </summary>
    public async Task<IReadOnlyList<ChangeEntry>> PublishedAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        ChangeAction[] shown = [ChangeAction.Create, ChangeAction.Publish, ChangeAction.Update, ChangeAction.Restore];
        var records = await db.ChangeRecords.AsNoTracking()
            .Where(c => shown.Contains(c.Action))
            .Where(c =>
                (c.EntityKind == EntityKind.Deal && db.Deals.Any(d => d.Id == c.EntityId && d.IsPublished && (d.PublishedAt == null || d.PublishedAt <= c.At)))
                || (c.EntityKind == EntityKind.Company && db.Companies.Any(x => x.Id == c.EntityId && !x.IsDeleted))
                || (c.EntityKind == EntityKind.DataCenter && db.DataCenters.Any(x => x.Id == c.EntityId && !x.IsDeleted))
                || (c.EntityKind == EntityKind.Valuation && db.Valuations.Any(x => x.Id == c.EntityId)))
            .OrderByDescending(c => c.Id).Take(take).ToListAsync(cancellationToken);
        var titles = new Dictionary<(EntityKind, int), (string Title, string? Slug)>();
        foreach (var group in records.GroupBy(r => r.EntityKind))
        {
            var ids = group.Select(r => r.EntityId).Distinct().ToList();
            var rows = group.Key switch
            {
                EntityKind.Deal => await db.Deals.Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, Title = d.Title, Slug = (string?)d.Slug }).ToListAsync(cancellationToken),
                EntityKind.Company => await db.Companies.Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, Title = d.Name, Slug = (string?)d.Slug }).ToListAsync(cancellationToken),
                EntityKind.DataCenter => await db.DataCenters.Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, Title = d.Name, Slug = (string?)d.Slug }).ToListAsync(cancellationToken),
                EntityKind.Valuation => await db.Valuations.Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, Title = d.Company!.Name + " valuation", Slug = (string?)d.Company.Slug }).ToListAsync(cancellationToken),
                _ => [],
            };
            foreach (var row in rows)
            {
                titles[(group.Key, row.Id)] = (row.Title, row.Slug);
            }
        }

        return records.Where(r => titles.ContainsKey((r.EntityKind, r.EntityId)))
            .Select(r => ToEntry(r, titles[(r.EntityKind, r.EntityId)].Title, titles[(r.EntityKind, r.EntityId)].Slug, showWho: false))
            .ToList();
    }

    private static ChangeEntry ToEntry(ChangeRecord record, string? title, string? slug, bool showWho) =>
        new(record.Id, record.At, record.Action, record.EntityKind, record.EntityId, title, slug, showWho ? record.ChangedBy : null, Snapshot.FromJson(record.Changes));
}
