using ComputeDeals.Core.Analytics;

namespace ComputeDeals.Web.Features.Analytics;

/// <summary>
/// What the two charts of /analytics plot, in one place for the page and its embeds
/// (/embed/charts/capacity-by-company and /embed/charts/deal-value-per-mw).
/// </summary>
public static class AnalyticsCharts
{
    /// <summary>Companies in the owned-and-contracted chart: the top ones by available MW.</summary>
    public const int CapacityCompanies = 10;

    /// <summary>Deals in the value-per-MW chart.</summary>
    public const int DealCount = 12;

    /// <summary>The companies the capacity chart stacks, highest available MW first.</summary>
    public static IReadOnlyList<CapacityPosition> TopCapacity(IEnumerable<CapacityPosition> positions) =>
        [.. positions.OrderBy(p => p.Available is null).ThenByDescending(p => p.Available?.High).ThenBy(p => p.Company.Name, StringComparer.OrdinalIgnoreCase).Take(CapacityCompanies)];

    /// <summary>The deals the value-per-MW chart shows: annual value and MW both disclosed (the latest first, as listed).</summary>
    public static IReadOnlyList<DealValueRow> ChartedDeals(IEnumerable<DealValueRow> rows) =>
        [.. rows.Where(r => r.AnnualValuePerMw is { DisclosedCount: > 0, UndisclosedCount: 0 }).Take(DealCount)];

    /// <summary>A bar label short enough not to overlap its neighbours.</summary>
    public static string ShortLabel(string title) => title.Length > 28 ? title[..27] + "…" : title;
}
