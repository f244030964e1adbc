using ComputeDeals.Core.Domain;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.History;

/// <summary>One change as the history views show it. <see cref="ChangedBy"/> is null for readers.</summary>
public sealed record ChangeEntry(
    long Id, DateTimeOffset At, ChangeAction Action, EntityKind Kind, int EntityId, string? EntityTitle, string? EntitySlug, string? ChangedBy, IReadOnlyList<FieldChange> Fields);

/// <summary>Reads change records for an entity's history and for the editors' recent-changes page.</summary>
public sealed class ChangeHistoryService(IDbContextFactory<AppDbContext> factory)
{
    /// <summary>An entity's changes, newest first. Editors see who made them; readers do not.</summary>
    public async Task<IReadOnlyList<ChangeEntry>> ForEntityAsync(EntityKind kind, int id, bool showWho, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var records = await db.ChangeRecords.AsNoTracking().Where(c => c.EntityKind == kind && c.EntityId == id)
            .OrderByDescending(c => c.Id).Take(200).ToListAsync(cancellationToken);
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

    private static ChangeEntry ToEntry(ChangeRecord record, string? title, string? slug, bool showWho) =>
        new(record.Id, record.At, record.Action, record.EntityKind, record.EntityId, title, slug, showWho ? record.ChangedBy : null, Snapshot.FromJson(record.Changes));
}
