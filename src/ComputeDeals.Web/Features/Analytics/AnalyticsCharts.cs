namespace ComputeDeals.Web.Features.Analytics;

/// <summary>
/// What the two charts of /analytics plot, in one place for the page and its embeds
/// (/embed/charts/capacity-by-company and /embed/charts/deal-value-per-mw).
/// </summary>
public static class AnalyticsCharts
{
    /// <summary>Companies in the owned-and-contracted chart: the top ones by available MW.</summary>
    public const int CapacityCompanies = 10;

    /// <summary>Rows of the league table before "show all" (keeps /analytics light at 100,000 deals).</summary>
    public const int LeagueTop = 50;

    /// <summary>
    /// The league-table rows to render: all of them when asked, otherwise the first <paramref name="top"/> in
    /// the table's order, plus the row whose "why this number" is open (a company page links to it) if it is further down.
    /// </summary>
    public static IReadOnlyList<CapacityPosition> LeagueRows(IReadOnlyList<CapacityPosition> sorted, string? whyKey, bool all, int top)
    {
        if (all || sorted.Count <= top)
        {
            return sorted;
        }

        var rows = sorted.Take(top).ToList();
        if (whyKey is not null && sorted.Skip(top).FirstOrDefault(p => p.Company.Slug == whyKey) is { } open)
        {
            rows.Add(open);
        }

        return rows;
    }

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
