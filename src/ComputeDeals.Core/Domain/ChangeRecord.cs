using System.ComponentModel.DataAnnotations;
using ComputeDeals.Core.Validation;

namespace ComputeDeals.Core.Domain;

/// <summary>
/// A row about one record of the dataset (a deal, company, data center or valuation), which it names by kind
/// and id: a change to it, an old slug of it, a reader's correction of it.
/// </summary>
public abstract class AboutEntity
{
    public EntityKind EntityKind { get; set; }

    public int EntityId { get; set; }
}

/// <summary>An append-only record of one change to one entity.</summary>
public sealed class ChangeRecord : AboutEntity
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who made the change (user name or "seed").</summary>
    [MaxLength(FieldLimits.UserName)]
    public required string ChangedBy { get; set; }

    public ChangeAction Action { get; set; }

    /// <summary>JSON array of {field, old, new}.</summary>
    public string Changes { get; set; } = "[]";
}

/// <summary>An old slug that now redirects to the entity's current one.</summary>
public sealed class SlugHistory : AboutEntity
{
    public int Id { get; set; }

    [MaxLength(Slugs.MaxLength)]
    public required string OldSlug { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>Queries over the rows about one entity.</summary>
public static class AboutEntityQueries
{
    /// <summary>The change records of one entity, newest first.</summary>
    public static IQueryable<ChangeRecord> HistoryOf(this IQueryable<ChangeRecord> records, EntityKind kind, int id) =>
        records.Where(c => c.EntityKind == kind && c.EntityId == id).OrderByDescending(c => c.Id);
}
