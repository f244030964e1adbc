namespace ComputeDeals.Web.Features.Editing;

/// <summary>
/// What the four editors share: the form's input is cleaned (<see cref="Normalize"/>), checked by the kind's
/// rules in Core, and saved or soft-deleted through <see cref="EditPipeline"/>. A kind supplies its rules,
/// its cleaning, the <see cref="SaveSteps{T}"/> that differ, and where delete and restore look the record up.
/// </summary>
public abstract class EntityEditor<T>(EditPipeline pipeline, EntityKind kind)
    where T : class, ISoftDeletable
{
    protected EditPipeline Pipeline => pipeline;

    /// <summary>The kind's rules in Core (<c>DealRules.Validate</c> and so on), run on the input with the server's date.</summary>
    protected abstract FieldErrors Rules(T input, DateOnly today);

    /// <summary>Cleans the form's input in place: trimmed text, a slug from the name when none is given, blank optional figures dropped.</summary>
    protected abstract void Normalize(T input);

    /// <summary>The steps of a save that differ between kinds; <paramref name="input"/> is already cleaned.</summary>
    protected abstract SaveSteps<T> Steps(T input, CancellationToken cancellationToken);

    /// <summary>The kind's records as delete and restore look one up by id (with the query filters they need).</summary>
    protected abstract IQueryable<T> Records(AppDbContext db);

    /// <summary>The slug a result reports; null for a kind without one.</summary>
    protected virtual string? SlugOf(T entity) => null;

    /// <summary>The errors a save of <paramref name="input"/> would report from the rules (the store is not read).</summary>
    public FieldErrors Validate(T input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Normalize(input);
        return Rules(input, pipeline.Today);
    }

    /// <summary>Creates or updates the record; see <see cref="EditPipeline.SaveAsync{T}"/> for what is checked and recorded.</summary>
    public Task<EditResult> SaveAsync(ClaimsPrincipal user, T input, CancellationToken cancellationToken = default) =>
        SaveAsync(user, input, Steps, cancellationToken);

    /// <summary>A save with steps other than the kind's usual ones (a company's confirmed look-alike, for example).</summary>
    protected Task<EditResult> SaveAsync(
        ClaimsPrincipal user, T input, Func<T, CancellationToken, SaveSteps<T>> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(steps);
        Normalize(input);
        return pipeline.SaveAsync(user, input, kind, Rules, steps(input, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The kind's save inside a write that is already open (<see cref="EditPipeline.RunAsync"/>), for a write of several
    /// records in one transaction such as the CSV import: the same cleaning, rules, store checks and change record as
    /// <see cref="SaveAsync(ClaimsPrincipal, T, CancellationToken)"/>.
    /// </summary>
    public Task<EditStep> SaveStepAsync(EditScope scope, T input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Normalize(input);
        return pipeline.SaveStepAsync(scope, input, kind, Rules, Steps(input, cancellationToken), cancellationToken);
    }

    /// <summary>Soft-deletes (hides everywhere) or restores the record.</summary>
    public Task<EditResult> SetDeletedAsync(ClaimsPrincipal user, int id, Guid version, bool deleted, CancellationToken cancellationToken = default) =>
        pipeline.SetDeletedAsync(user, kind, id, version, deleted, Records, SlugOf, cancellationToken);

    /// <summary>A record's cleaned name (or title) and its slug: the one typed, trimmed, or one made from the name when left blank.</summary>
    protected static (string Name, string Slug) NameAndSlug(string name, string? slug)
    {
        var cleaned = TextRules.CleanRequired(name);
        return (cleaned, Slugs.OrFrom(slug, cleaned));
    }

    /// <summary>The figure with a clean note; an exact figure with one number gets it at both ends.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(figure))]
    internal static Figure? NormalizeFigure(Figure? figure) =>
        figure is null ? null
        : figure.Qualifier == FigureQualifier.Exact && figure.Low is null != figure.High is null
            ? figure with { Note = EditPipeline.Clean(figure.Note), Low = figure.Low ?? figure.High, High = figure.High ?? figure.Low }
            : figure with { Note = EditPipeline.Clean(figure.Note) };

    /// <summary>An optional figure, normalised; null when the form left it blank (undisclosed with no number and no note).</summary>
    internal static Figure? NormalizeOptionalFigure(Figure? figure) => NormalizeFigure(figure) switch
    {
        { Qualifier: FigureQualifier.Undisclosed, Low: null, High: null, Note: null } => null,
        var normalized => normalized,
    };
}
