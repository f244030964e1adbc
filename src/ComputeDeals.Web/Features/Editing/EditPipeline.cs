using ComputeDeals.Web.Features.Accounts;

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

/// <summary>A kind's slug: how to read it, and whether another entity of the kind already uses the input's.</summary>
public sealed record SlugStep<T>(Func<T, string> Of, Func<AppDbContext, Task<bool>> TakenByOther);

/// <summary>A company the input points at (operator, owner, parent): it must exist and not be deleted; no id, no check.</summary>
public sealed record LiveCompanyStep(int? Id, string Field, string Message);

/// <summary>What differs between the editors' saves; <see cref="EditPipeline.SaveAsync{T}"/> runs the shared rest.</summary>
public sealed class SaveSteps<T>
    where T : class, ISoftDeletable
{
    /// <summary>The company the input points at, checked against the store; null for a kind that points at none.</summary>
    public LiveCompanyStep? LiveCompany { get; init; }

    /// <summary>Further checks against the store (referenced records exist, and so on), adding to the rules' errors.</summary>
    public Func<EditScope, FieldErrors, Task>? Check { get; init; }

    /// <summary>A new entity for a create; the pipeline adds it to the store.</summary>
    public required Func<T> Create { get; init; }

    /// <summary>The stored entity, tracked, with the child rows <see cref="Apply"/> replaces; null when there is none.</summary>
    public required Func<AppDbContext, Task<T?>> Find { get; init; }

    /// <summary>The entity's fields as the change record shows them (names of referenced records looked up).</summary>
    public required Func<AppDbContext, T, Task<Snapshot>> Snapshot { get; init; }

    /// <summary>Copies the input onto the new or stored entity.</summary>
    public required Func<EditScope, T, Task> Apply { get; init; }

    /// <summary>The kind's slug; null for a kind without one.</summary>
    public SlugStep<T>? Slug { get; init; }

    /// <summary>The action an update of the stored entity records (publish, for example); Update when not given.</summary>
    public Func<T, ChangeAction>? UpdateAction { get; init; }
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

    /// <summary>A detached copy of one record for a form, as <paramref name="query"/> reads it (with what the form shows); null when there is none.</summary>
    public async Task<T?> LoadAsync<T>(Func<AppDbContext, IQueryable<T>> query, int id, CancellationToken cancellationToken = default)
        where T : class, ISoftDeletable
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await query(db).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
    }

    /// <summary>
    /// Adds an error under <paramref name="field"/> when <paramref name="companyId"/> names no company that
    /// exists and is not deleted (a record may only point at a live one); true when it did. No id, no check.
    /// </summary>
    internal static async Task<bool> RequireLiveCompanyAsync(
        FieldErrors errors, AppDbContext db, int? companyId, string field, string message, CancellationToken cancellationToken)
    {
        if (companyId is not > 0 || await db.Companies.AnyAsync(c => c.Id == companyId && !c.IsDeleted, cancellationToken))
        {
            return false;
        }

        errors.Add(field, message);
        return true;
    }

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
    /// The shared save step of every editor: checks the input, creates the entity or loads the stored one
    /// (refusing a stale version with the fields that differ), moves its slug, applies the input, and records
    /// what changed. <paramref name="rules"/> are the kind's rules in Core, run with the server's date;
    /// <paramref name="steps"/> supplies the rest of what differs between kinds of entity.
    /// </summary>
    public Task<EditResult> SaveAsync<T>(
        ClaimsPrincipal user, T input, EntityKind kind, Func<T, DateOnly, FieldErrors> rules, SaveSteps<T> steps, CancellationToken cancellationToken = default)
        where T : class, ISoftDeletable =>
        RunAsync(user, kind, input.Id, scope => SaveStepAsync(scope, input, kind, rules, steps, cancellationToken), cancellationToken);

    /// <summary>
    /// The body of <see cref="SaveAsync{T}"/> inside an open <see cref="RunAsync"/>: a write of several records in one
    /// transaction (the CSV import) runs it once per record, so each is checked and recorded exactly as a form's save is.
    /// </summary>
    public async Task<EditStep> SaveStepAsync<T>(
        EditScope scope, T input, EntityKind kind, Func<T, DateOnly, FieldErrors> rules, SaveSteps<T> steps, CancellationToken cancellationToken = default)
        where T : class, ISoftDeletable
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(steps);
        var db = scope.Db;
        var errors = rules(input, scope.Today);
        if (steps.LiveCompany is { } company)
        {
            await RequireLiveCompanyAsync(errors, db, company.Id, company.Field, company.Message, cancellationToken);
        }

        if (steps.Check is not null)
        {
            await steps.Check(scope, errors);
        }

        if (!errors.IsValid)
        {
            return EditStep.Fail(EditResult.Invalid(errors));
        }

        var isNew = input.Id == 0;
        T entity;
        Snapshot? before = null;
        if (isNew)
        {
            entity = steps.Create();
            db.Add(entity);
        }
        else
        {
            var existing = await steps.Find(db);
            if (existing is null)
            {
                return EditStep.Fail(EditResult.NotFound);
            }

            entity = existing;
            before = await steps.Snapshot(db, entity);
            if (entity.Version != input.Version)
            {
                var mine = await steps.Snapshot(db, input);
                return EditStep.Fail(await ConflictAsync(kind, entity.Id, Snapshot.Diff(before, mine), cancellationToken));
            }

            db.Entry(entity).Property(e => e.Version).OriginalValue = input.Version;
        }

        if (steps.Slug is { } slug)
        {
            var taken = await slug.TakenByOther(db);
            if (await ChangeSlugAsync(db, kind, entity.Id, isNew ? null : slug.Of(entity), slug.Of(input), taken, scope.Now, cancellationToken) is { } slugError)
            {
                return EditStep.Fail(EditResult.Invalid("Slug", slugError));
            }
        }

        var action = isNew ? ChangeAction.Create : steps.UpdateAction?.Invoke(entity) ?? ChangeAction.Update;
        await steps.Apply(scope, entity);
        var changes = Snapshot.Diff(before, await steps.Snapshot(db, entity));
        if (!isNew && changes.Count > 0)
        {
            // Mark the entity itself modified so its version moves even when only child rows changed.
            db.Entry(entity).Property(e => e.UpdatedAt).IsModified = true;
        }

        return EditStep.Done(action, changes, () => (entity.Id, steps.Slug?.Of(entity), entity.Version));
    }

    /// <summary>
    /// The shared soft-delete and restore step of every editor: refuses a stale version, records the
    /// Deleted change (none when the state already matches) and saves through <see cref="RunAsync"/>.
    /// <paramref name="set"/> is where the kind's record is looked up by id (with the query filters it needs).
    /// </summary>
    public Task<EditResult> SetDeletedAsync<T>(
        ClaimsPrincipal user, EntityKind kind, int id, Guid version, bool deleted,
        Func<AppDbContext, IQueryable<T>> set, Func<T, string?> slug, CancellationToken cancellationToken = default)
        where T : class, ISoftDeletable =>
        RunAsync(user, kind, id, async scope =>
        {
            var entity = await set(scope.Db).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
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
            .HistoryOf(kind, entityId)
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
            return TextRules.SlugTaken(newSlug);
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

    /// <summary>
    /// Finds the cited source by id, or by URL and title (two articles of one site may share a URL that
    /// names only the site), and updates its details, or creates it.
    /// </summary>
    internal static async Task<Source> ResolveSourceAsync(AppDbContext db, Source input, CancellationToken cancellationToken)
    {
        var source = (input.Id > 0 ? await db.Sources.FindAsync([input.Id], cancellationToken) : null)
            ?? db.Sources.Local.FirstOrDefault(s => s.Url == input.Url && s.Title == input.Title)
            ?? await db.Sources.FirstOrDefaultAsync(s => s.Url == input.Url && s.Title == input.Title, cancellationToken);
        if (source is null)
        {
            source = new Source { Url = input.Url, Title = input.Title };
            db.Sources.Add(source);
        }

        source.Url = input.Url;
        source.Title = input.Title;
        source.Publisher = input.Publisher;
        source.PublishedOn = input.PublishedOn;
        return source;
    }

    /// <summary>The source a record cites, resolved as <see cref="ResolveSourceAsync"/> does; null when it cites none (no URL).</summary>
    internal static async Task<Source?> CitedSourceAsync(AppDbContext db, Source? input, CancellationToken cancellationToken) =>
        input is { Url.Length: > 0 } ? await ResolveSourceAsync(db, input, cancellationToken) : null;

    /// <summary>A company's name for a change record; null when there is none.</summary>
    internal static async Task<string?> CompanyNameAsync(AppDbContext db, int? companyId, CancellationToken cancellationToken) =>
        companyId is null ? null : await db.Companies.Where(c => c.Id == companyId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Cleans an optional cited source (a capacity row's, a valuation's): trimmed URL, the URL as title when none is given.</summary>
    internal static void NormalizeCitedSource(Source? source) => NormalizeSource(source, urlAsTitle: true);

    /// <summary>
    /// Cleans a source in place: trimmed URL, clean title and publisher. A deal's source needs its own title (blank stays
    /// blank for the rules to name); an optional citation without one takes its URL (<paramref name="urlAsTitle"/>).
    /// </summary>
    internal static void NormalizeSource(Source? source, bool urlAsTitle)
    {
        if (source is null)
        {
            return;
        }

        source.Url = source.Url?.Trim() ?? string.Empty;
        source.Title = TextRules.Clean(source.Title) ?? (urlAsTitle ? source.Url : string.Empty);
        source.Publisher = Clean(source.Publisher);
    }

    /// <summary>Trims a string, normalises it to NFC and turns blank into null.</summary>
    public static string? Clean(string? value) => TextRules.Clean(value);
}
