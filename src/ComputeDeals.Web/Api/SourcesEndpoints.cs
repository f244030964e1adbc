namespace ComputeDeals.Web.Api;

/// <summary>/api/v1/sources (mapped in <see cref="OpenDataApi"/>): every report cited by published data.</summary>
public static class SourcesEndpoints
{
    public static CachedJson<ListResponse<SourceDto>> List(ReadModel readModel)
    {
        // The snapshot holds exactly the sources that published deals, valuations and capacity rows cite.
        var snapshot = readModel.Current;
        var cited = CitedByPublicRecords(snapshot);
        var items = snapshot.Dataset.Sources
            .Where(s => cited.Contains(s.Id))
            .OrderByDescending(s => s.PublishedOn).ThenBy(s => s.Id)
            .Select(s => new SourceDto(s.Id, s.Url, s.Title, s.Publisher, s.PublishedOn))
            .ToList();
        return ListResponse.Of(items);
    }

    /// <summary>Sources cited by a published deal, a valuation of a company that is not deleted, or a capacity row.</summary>
    private static HashSet<int> CitedByPublicRecords(ReadSnapshot snapshot)
    {
        var ids = new HashSet<int>();
        foreach (var entry in snapshot.Deals)
        {
            foreach (var source in entry.Deal.Sources)
            {
                ids.Add(source.SourceId);
            }
        }

        foreach (var v in snapshot.Valuations)
        {
            if (v.SourceId is { } id)
            {
                ids.Add(id);
            }
        }

        foreach (var row in DataCenterListQuery.Public(snapshot).SelectMany(d => d.Capacity))
        {
            if (row.SourceId is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
