using ComputeDeals.Core.Domain;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Testing;

/// <summary>
/// Saves changes a test made straight to a DbContext the way every write path does: with one
/// change record per changed deal, company, data center, valuation or source (a party, capacity
/// row or alias counts as its owner), so the read model's refresh picks them up.
/// </summary>
public static class TestWrites
{
    public static async Task SaveLikeAWriteAsync(this AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Entities first (added ones get their ids on save), owners resolved after the save.
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity)
            .ToList();
        await db.SaveChangesAsync(cancellationToken);

        var keys = changed.Select(Owner).OfType<(EntityKind Kind, int Id)>().Distinct().ToList();
        var now = DateTimeOffset.UtcNow;
        db.ChangeRecords.AddRange(keys.Select(k => new ChangeRecord
        {
            At = now,
            ChangedBy = "test",
            EntityKind = k.Kind,
            EntityId = k.Id,
            Action = ChangeAction.Update,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static (EntityKind Kind, int Id)? Owner(object entity) => entity switch
    {
        Deal d => (EntityKind.Deal, d.Id),
        DealParty p => (EntityKind.Deal, p.DealId),
        DealDataCenter x => (EntityKind.Deal, x.DealId),
        DealSource s => (EntityKind.Deal, s.DealId),
        Company c => (EntityKind.Company, c.Id),
        CompanyAlias a => (EntityKind.Company, a.CompanyId),
        DataCenter d => (EntityKind.DataCenter, d.Id),
        CapacityRow r => (EntityKind.DataCenter, r.DataCenterId),
        Valuation v => (EntityKind.Valuation, v.Id),
        Source s => (EntityKind.Source, s.Id),
        _ => null,
    };
}
