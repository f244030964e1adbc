using ComputeDeals.Web.Features.Deals;

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
}
