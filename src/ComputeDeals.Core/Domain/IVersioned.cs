namespace ComputeDeals.Core.Domain;

/// <summary>An editable entity with an optimistic-concurrency token and timestamps.</summary>
public interface IVersioned
{
    Guid Version { get; set; }

    DateTimeOffset CreatedAt { get; set; }

    DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An editable entity that is soft-deleted (hidden, kept with its history) rather than removed.</summary>
public interface ISoftDeletable : IVersioned
{
    int Id { get; }

    bool IsDeleted { get; set; }
}
