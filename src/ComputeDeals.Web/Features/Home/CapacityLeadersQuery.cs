using ComputeDeals.Web.Features.Analytics;

namespace ComputeDeals.Web.Features.Home;

/// <summary>A company's owned data-center power at a date: operational, and planned or under construction.</summary>
public sealed record CapacityLeader(string Slug, string Name, CompanyKind Kind, FigureRange Operational, FigureRange Pipeline, int DataCenters, CapacityCoverage Coverage = CapacityCoverage.Complete)
{
    /// <summary>"—" when nothing is tracked for a company whose sites are all tracked; "at least" or "not tracked" otherwise (CoverageRule).</summary>
    public string OperationalText => Operational.Count == 0 && Coverage == CapacityCoverage.Complete ? "—" : AnalyticsText.Owned(Operational, Coverage);

    public string PipelineText => Pipeline.Count == 0 && Coverage == CapacityCoverage.Complete ? "—" : AnalyticsText.Owned(Pipeline, Coverage);
}

/// <summary>
/// The companies that own the most operational MW at a date, read from the analytics service's
/// capacity positions so the home page and /analytics use one formula.
/// </summary>
public sealed class CapacityLeadersQuery(AnalyticsQuery analytics, TimeProvider time)
{
    public async Task<IReadOnlyList<CapacityLeader>> TopAsync(int take, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var date = asOf ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var positions = await analytics.CapacityAsync(date, rollUp: false, cancellationToken);
        return positions
            .Where(p => p.TrackedOwned.Count > 0)
            .Select(p => new CapacityLeader(
                p.Company.Slug, p.Company.Name, p.Company.Kind, p.OwnedOperational.Range, p.OwnedPlanned.Range,
                p.OwnedOperational.Range.Count + p.OwnedPlanned.Range.Count, p.Coverage))
            .OrderByDescending(l => l.Operational.Low)
            .ThenByDescending(l => l.Pipeline.Low)
            .ThenBy(l => l.Name, StringComparer.Ordinal)
            .Take(take)
            .ToList();
    }
}
