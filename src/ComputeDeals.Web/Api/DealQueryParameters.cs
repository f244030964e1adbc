using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace ComputeDeals.Web.Api;

/// <summary>
/// The /deals filters as query parameters, declared for the OpenAPI document. Values stay text
/// here so that <see cref="DealFilter.Parse"/> (the one parser the page, JSON and CSV share)
/// can report every bad value by name instead of the binder failing on the first.
/// </summary>
public sealed record DealQueryParameters
{
    [FromQuery(Name = "q"), Description("Free text over title, summary and party names (at most 200 characters).")]
    public string? Q { get; init; }

    [FromQuery(Name = "company"), Description("Company slug, e.g. 'anthropic': deals where that company has any role.")]
    public string? Company { get; init; }

    [FromQuery(Name = "type"), Description("Deal type: capacitySaleOrLease, cloudCommitment, chipPurchase, investment, partnership, mergerAcquisition or other.")]
    public string? Type { get; init; }

    [FromQuery(Name = "status"), Description("Deal status: rumored, announced, closed or cancelled.")]
    public string? Status { get; init; }

    [FromQuery(Name = "from"), Description("Announced on or after this date (yyyy-MM-dd).")]
    public string? From { get; init; }

    [FromQuery(Name = "to"), Description("Announced on or before this date (yyyy-MM-dd).")]
    public string? To { get; init; }

    [FromQuery(Name = "minValue"), Description("Minimum value in US dollars, compared with the figure's upper bound; accepts 5000000000 or 5B (K, M, B, T).")]
    public string? MinValue { get; init; }

    [FromQuery(Name = "minMw"), Description("Minimum capacity in MW, compared with the figure's upper bound.")]
    public string? MinMw { get; init; }

    [FromQuery(Name = "sort"), Description("Sort key: date (default), value, mw or title. Undisclosed values and capacities sort last.")]
    public string? Sort { get; init; }

    [FromQuery(Name = "dir"), Description("asc or desc (default: desc, except asc for title).")]
    public string? Dir { get; init; }

    [FromQuery(Name = "page"), Description("Page number from 1 (JSON only; the CSV has every matching row).")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), Description("Rows per page, 1 to 500 (default 50; JSON only).")]
    public string? PageSize { get; init; }

    /// <summary>Parses through the shared filter model, collecting an error per bad parameter.</summary>
    public DealFilterParseResult Parse() => DealFilter.Parse(new Dictionary<string, StringValues>
    {
        ["q"] = Q,
        ["company"] = Company,
        ["type"] = Type,
        ["status"] = Status,
        ["from"] = From,
        ["to"] = To,
        ["minValue"] = MinValue,
        ["minMw"] = MinMw,
        ["sort"] = Sort,
        ["dir"] = Dir,
        ["page"] = Page,
        ["pageSize"] = PageSize,
    });
}
