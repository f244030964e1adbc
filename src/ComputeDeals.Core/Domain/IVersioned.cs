namespace ComputeDeals.Core.Domain;

/// <summary>An editable entity with an optimistic-concurrency token and timestamps.</summary>
public interface IVersioned
{
    Guid Version { get; set; }

    DateTimeOffset CreatedAt { get; set; }

    DateTimeOffset UpdatedAt { get; set; }
}
