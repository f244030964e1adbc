using ComputeDeals.Web.Features.Analytics;

namespace ComputeDeals.Web.Features.Embeds;

/// <summary>Site-relative addresses of the embeddable cards and charts.</summary>
public static class EmbedLinks
{
    public const string Prefix = "/embed/";

    public static string Deal(string slug) => "/embed/deals/" + Uri.EscapeDataString(slug);

    public static string Company(string slug) => "/embed/companies/" + Uri.EscapeDataString(slug);

    public static string DataCenter(string slug) => "/embed/datacenters/" + Uri.EscapeDataString(slug);

    /// <summary>The timeline's quarter chart for a filter (sort and paging do not change it, so they are dropped).</summary>
    public static string QuarterChart(DealFilter filter) =>
        "/embed/charts/" + EmbedCharts.DealsByQuarter
        + ((filter ?? DealFilter.Default) with { Sort = DealSort.Date, Descending = true, Page = 1, PageSize = DealFilter.DefaultPageSize }).ToQueryString();

    /// <summary>
    /// One chart of /analytics (<see cref="EmbedCharts.CapacityByCompany"/>, <see cref="EmbedCharts.ValuationPerMw"/> or
    /// <see cref="EmbedCharts.DealValuePerMw"/>): pinned to a date when one is given, otherwise it follows today; with
    /// subsidiaries rolled up or not; the valuation chart with the compared companies (resolved by
    /// <see cref="ComparedCompanies"/>) when they are not the default comparison.
    /// </summary>
    public static string AnalyticsChart(string chart, DateOnly? asOf, bool rollUp, IReadOnlyList<string>? companies = null)
    {
        var query = new List<string>();
        if (asOf is { } date)
        {
            query.Add("asOf=" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (rollUp && chart != EmbedCharts.DealValuePerMw)
        {
            query.Add("rollup=true");
        }

        if (chart == EmbedCharts.ValuationPerMw && companies is { Count: > 0 } && !companies.SequenceEqual(ComparedCompanies.DefaultSlugs, StringComparer.OrdinalIgnoreCase))
        {
            query.Add(ComparedCompanies.Parameter + "=" + string.Join(",", companies.Select(Uri.EscapeDataString)));
        }

        return "/embed/charts/" + chart + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query));
    }

    /// <summary>The title of an analytics chart embed, as its heading and the iframe's title say it.</summary>
    public static string AnalyticsChartTitle(string chart, DateOnly asOf, bool rollUp) => chart switch
    {
        EmbedCharts.DealValuePerMw => $"Deal value per MW per year · {Labels.Date(asOf, DatePrecision.Day)}",
        EmbedCharts.ValuationPerMw => $"Valuation per available MW · {Labels.Date(asOf, DatePrecision.Day)}" + (rollUp ? " · subsidiaries rolled up" : string.Empty),
        _ => $"Owned and contracted MW by company · {Labels.Date(asOf, DatePrecision.Day)}" + (rollUp ? " · subsidiaries rolled up" : string.Empty),
    };
}

/// <summary>The names of the embeddable charts.</summary>
public static class EmbedCharts
{
    /// <summary>Deal value and MW per quarter, with the timeline's filters.</summary>
    public const string DealsByQuarter = "deals-by-quarter";

    /// <summary>A company's valuation history (?company=slug).</summary>
    public const string Valuations = "valuations";

    /// <summary>A data center's capacity timeline (?datacenter=slug).</summary>
    public const string Capacity = "capacity";

    /// <summary>/analytics: owned and contracted MW of the top companies (?asOf=, ?rollup=).</summary>
    public const string CapacityByCompany = "capacity-by-company";

    /// <summary>/analytics: annual deal value per MW (?asOf=).</summary>
    public const string DealValuePerMw = "deal-value-per-mw";

    /// <summary>/analytics: valuation per available MW of the compared companies (?asOf=, ?rollup=, ?companies=a,b).</summary>
    public const string ValuationPerMw = "valuation-per-mw";

    /// <summary>Every chart an embed can show, for messages and tests.</summary>
    public static readonly IReadOnlyList<string> All = [DealsByQuarter, Valuations, Capacity, CapacityByCompany, ValuationPerMw, DealValuePerMw];
}
