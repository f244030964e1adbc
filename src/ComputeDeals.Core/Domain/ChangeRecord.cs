using System.ComponentModel.DataAnnotations;
using ComputeDeals.Core.Validation;

namespace ComputeDeals.Core.Domain;

/// <summary>An append-only record of one change to one entity.</summary>
public sealed class ChangeRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who made the change (user name or "seed").</summary>
    [MaxLength(FieldLimits.UserName)]
    public required string ChangedBy { get; set; }

    public EntityKind EntityKind { get; set; }

    public int EntityId { get; set; }

    public ChangeAction Action { get; set; }

    /// <summary>JSON array of {field, old, new}.</summary>
    public string Changes { get; set; } = "[]";
}

/// <summary>An old slug that now redirects to the entity's current one.</summary>
public sealed class SlugHistory
{
    public int Id { get; set; }

    public EntityKind EntityKind { get; set; }

    [MaxLength(Slugs.MaxLength)]
    public required string OldSlug { get; set; }

    public int EntityId { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
