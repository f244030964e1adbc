namespace ComputeDeals.Web.Features.DataCenters;

/// <summary>A published deal that holds (part of) a data center's capacity, with the MW share when known.</summary>
public sealed record CapacityHolder(DealSummary Deal, Figure? Share);

/// <summary>Everything the data center page shows.</summary>
public sealed record DataCenterProfile(DataCenter DataCenter, CapacityRow? Current, IReadOnlyList<CapacityHolder> Holders, DateOnly Today);

/// <summary>Finds a data center profile by slug in the read model (no SQL); null when it does not exist or was deleted.</summary>
public sealed class DataCenterProfileQuery(ReadModel.ReadModel readModel, TimeProvider time)
{
    public Task<DataCenterProfile?> FindAsync(string slug, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(readModel.Current, slug, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));

    /// <summary>
    /// The data center with its operator and capacity timeline (date, then id), the row in force
    /// today, and the published deals that name it, newest first, each with its first stated share.
    /// A data center whose operator was deleted is not public (as in the lists and analytics).
    /// </summary>
    public static DataCenterProfile? Find(ReadSnapshot snapshot, string slug, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!snapshot.DataCentersBySlug.TryGetValue(slug, out var record) || !snapshot.Companies.ContainsKey(record.OperatorId))
        {
            return null;
        }

        var center = SnapshotEntities.ToDataCenter(snapshot, record);
        var holders = new List<CapacityHolder>();
        if (snapshot.DealsByDataCenter.TryGetValue(record.Id, out var positions))
        {
            foreach (var position in positions)
            {
                var entry = snapshot.Deals[position];
                holders.Add(new CapacityHolder(entry.Summary, entry.Deal.DataCenters.First(x => x.DataCenterId == record.Id).Share));
            }
        }

        return new DataCenterProfile(center, center.CapacityAt(today), holders, today);
    }
}
