using ComputeDeals.Core.Validation;
using System.Security.Claims;
using ComputeDeals.Core.Domain;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.Editing;

/// <summary>One entity written by a step: the action and changes to record, and how to read its id, slug and version after saving.</summary>
public sealed record EditRecord(ChangeAction Action, IReadOnlyList<FieldChange> Changes, Func<(int Id, string? Slug, Guid Version)> Saved);

/// <summary>What a write's body hands back: a failure, or the entities written with the changes to record.</summary>
public sealed class EditStep
{
    private EditStep()
    {
    }

    public EditResult? Failure { get; private init; }

    /// <summary>The entities written (one for an editor's save, several for an import), each with its change record.</summary>
    public IReadOnlyList<EditRecord> Records { get; private init; } = [];

    public static EditStep Fail(EditResult failure) => new() { Failure = failure };

    public static EditStep Done(ChangeAction action, IReadOnlyList<FieldChange> changes, Func<(int, string?, Guid)> saved) =>
        new() { Records = [new EditRecord(action, changes, saved)] };

    /// <summary>Several entities written in the same transaction (all or none).</summary>
    public static EditStep DoneAll(IReadOnlyList<EditRecord> records) => new() { Records = records };
}

/// <summary>The open transaction a write's body works in.</summary>
public sealed record EditScope(AppDbContext Db, EditorIdentity Editor, DateTimeOffset Now, DateOnly Today);

/// <summary>
/// The one way content is written: checks the Editor role against the store, runs the change and
/// its change record in one transaction, turns a stale version into a conflict that names who
/// saved last, and invalidates the output cache after commit. A failed write changes nothing.
/// </summary>
public sealed class EditPipeline(
    IDbContextFactory<AppDbContext> factory,
    EditorAccess access,
    ContentCache cache,
    TimeProvider time,
    ILogger<EditPipeline> logger)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<EditResult> RunAsync(
        ClaimsPrincipal user, EntityKind kind, int entityId, Func<EditScope, Task<EditStep>> body, CancellationToken cancellationToken = default)
    {
        var editor = await access.ResolveAsync(user, cancellationToken);
        if (editor is null)
        {
            logger.LogWarning("Refused a {Kind} write by {User}: not an editor", kind, user.Identity?.Name ?? "anonymous");
            return EditResult.Forbidden;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var step = await body(new EditScope(db, editor, now, DateOnly.FromDateTime(now.UtcDateTime)));
            if (step.Failure is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
                return step.Failure;
            }

            if (step.Records.All(r => r.Changes.Count == 0))
            {
                // Nothing differs: keep the version so another editor's form stays current.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                var unchanged = step.Records.Count > 0 ? step.Records[^1].Saved() : default;
                return new EditResult(EditOutcome.Saved, unchanged.Id, unchanged.Slug, unchanged.Version);
            }

            await db.SaveChangesAsync(cancellationToken);
            var saved = default((int Id, string? Slug, Guid Version));
            foreach (var record in step.Records.Where(r => r.Changes.Count > 0))
            {
                saved = record.Saved();
                db.ChangeRecords.Add(new ChangeRecord
                {
                    At = now,
                    ChangedBy = editor.Name,
                    EntityKind = kind,
                    EntityId = saved.Id,
                    Action = record.Action,
                    Changes = Snapshot.ToJson(record.Changes),
                });
                logger.LogInformation("{Editor} {Action} {Kind} {Id}: {Fields}", editor.Name, record.Action, kind, saved.Id, string.Join(", ", record.Changes.Select(c => c.Field)));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await cache.InvalidateAsync(cancellationToken);
            return new EditResult(EditOutcome.Saved, saved.Id, saved.Slug, saved.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return await ConflictAsync(kind, entityId, [], cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            logger.LogWarning(ex, "A {Kind} write failed in the database", kind);
            return EditResult.Invalid(string.Empty, "The database refused the change (another record may use the same slug or name). Nothing was saved: check the fields and try again.");
        }
    }

    /// <summary>
    /// The shared soft-delete and restore step of every editor: refuses a stale version, records the
    /// Deleted change (none when the state already matches) and saves through <see cref="RunAsync"/>.
    /// </summary>
    public Task<EditResult> SetDeletedAsync<T>(
        ClaimsPrincipal user, EntityKind kind, int id, Guid version, bool deleted,
        Func<AppDbContext, Task<T?>> find, Func<T, string?> slug, CancellationToken cancellationToken = default)
        where T : class, ISoftDeletable =>
        RunAsync(user, kind, id, async scope =>
        {
            var entity = await find(scope.Db);
            if (entity is null)
            {
                return EditStep.Fail(EditResult.NotFound);
            }

            if (entity.Version != version)
            {
                return EditStep.Fail(await ConflictAsync(kind, id, [], cancellationToken));
            }

            scope.Db.Entry(entity).Property(e => e.Version).OriginalValue = version;
            var changes = entity.IsDeleted == deleted ? [] : new[] { new FieldChange("Deleted", entity.IsDeleted ? "yes" : "no", deleted ? "yes" : "no") };
            entity.IsDeleted = deleted;
            return EditStep.Done(deleted ? ChangeAction.Delete : ChangeAction.Restore, changes, () => (entity.Id, slug(entity), entity.Version));
        }, cancellationToken);

    /// <summary>A conflict naming the last change record's author and time.</summary>
    public async Task<EditResult> ConflictAsync(EntityKind kind, int entityId, IReadOnlyList<FieldChange> differences, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var latest = await db.ChangeRecords.AsNoTracking()
            .Where(c => c.EntityKind == kind && c.EntityId == entityId)
            .OrderByDescending(c => c.Id)
            .Select(c => new { c.ChangedBy, c.At })
            .FirstOrDefaultAsync(cancellationToken);
        return new EditResult(EditOutcome.Conflict, entityId, Conflict: new ConflictInfo(latest?.ChangedBy ?? "another editor", latest?.At ?? default, differences));
    }

    /// <summary>
    /// Changes an entity's slug: refuses one in use (now or earlier) by another entity of the kind,
    /// records the old slug so its URLs keep working, and forgets a history row the entity takes back.
    /// </summary>
    public static async Task<string?> ChangeSlugAsync(
        AppDbContext db, EntityKind kind, int entityId, string? oldSlug, string newSlug, bool takenByOther, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (oldSlug == newSlug)
        {
            return null;
        }

        var history = await db.SlugHistory.Where(h => h.EntityKind == kind && h.OldSlug == newSlug).FirstOrDefaultAsync(cancellationToken);
        if (takenByOther || (history is not null && history.EntityId != entityId))
        {
            return $"The slug \"{newSlug}\" is already used by another record: change it, for example by adding the year.";
        }

        if (history is not null)
        {
            db.SlugHistory.Remove(history);
        }

        if (oldSlug is not null && entityId != 0)
        {
            var existing = await db.SlugHistory.Where(h => h.EntityKind == kind && h.OldSlug == oldSlug).FirstOrDefaultAsync(cancellationToken);
            if (existing is null)
            {
                db.SlugHistory.Add(new SlugHistory { EntityKind = kind, OldSlug = oldSlug, EntityId = entityId, ChangedAt = now });
            }
            else
            {
                existing.EntityId = entityId;
                existing.ChangedAt = now;
            }
        }

        return null;
    }

    /// <summary>Trims a string, normalises it to NFC and turns blank into null.</summary>
    public static string? Clean(string? value) => TextRules.Clean(value);
}
