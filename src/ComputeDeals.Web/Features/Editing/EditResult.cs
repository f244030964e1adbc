namespace ComputeDeals.Web.Features.Editing;

/// <summary>How a write ended.</summary>
public enum EditOutcome
{
    Saved,
    Invalid,
    Conflict,
    Forbidden,
    NotFound,
}

/// <summary>One field that differs between two versions of an entity.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>Who saved the entity since the editor loaded it, and what differs from the editor's version.</summary>
public sealed record ConflictInfo(string ChangedBy, DateTimeOffset ChangedAt, IReadOnlyList<FieldChange> Differences);

/// <summary>The result of a write: saved (with the new slug and version), or why nothing changed.</summary>
public sealed record EditResult(
    EditOutcome Outcome,
    int Id = 0,
    string? Slug = null,
    Guid Version = default,
    FieldErrors? Errors = null,
    ConflictInfo? Conflict = null)
{
    public bool Succeeded => Outcome == EditOutcome.Saved;

    public static EditResult Forbidden { get; } = new(EditOutcome.Forbidden);

    public static EditResult NotFound { get; } = new(EditOutcome.NotFound);

    public static EditResult Invalid(FieldErrors errors) => new(EditOutcome.Invalid, Errors: errors);

    public static EditResult Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return new(EditOutcome.Invalid, Errors: errors);
    }
}
