namespace ComputeDeals.Web.Features.Deals.Permalink;

/// <summary>Finds one published deal with everything its permalink and share card show, in the read model (no SQL).</summary>
public sealed class DealPermalinkQuery(ReadModel.ReadModel readModel)
{
    /// <summary>The published, not deleted deal with this slug, or null (drafts are not public).</summary>
    public Task<Deal?> FindAsync(string slug, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(readModel.Current, slug));

    /// <summary>
    /// The deal with its parties in reading order (givers, receivers, others; then id), data centers
    /// by name and sources in footnote order; parties and data centers that were deleted are left out.
    /// </summary>
    public static Deal? Find(ReadSnapshot snapshot, string slug)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!snapshot.DealsBySlug.TryGetValue(slug, out var entry))
        {
            return null;
        }

        var deal = SnapshotEntities.ToDeal(snapshot, entry.Deal);
        deal.Parties = [.. deal.Parties.OrderBy(p => Labels.ReadingSide(p.Role)).ThenBy(p => p.Id)];
        deal.DataCenters = [.. deal.DataCenters.OrderBy(x => x.DataCenter!.Name)];
        return deal;
    }
}
