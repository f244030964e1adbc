using System.ComponentModel;
using ComputeDeals.Core.Domain;
using Microsoft.AspNetCore.Mvc;

namespace ComputeDeals.Web.Api;

/// <summary>Filters of /api/v1/companies and /api/v1/companies.csv.</summary>
public sealed record CompanyQueryParameters
{
    [FromQuery(Name = "kind"), Description("Company kind: aiLab, hyperscaler, neocloud, chipMaker, investor, conglomerate or other.")]
    public string? Kind { get; init; }

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Kind);

    public CompanyKind? Parse(Dictionary<string, string[]> errors) => QueryValues.Enum<CompanyKind>("kind", Kind, errors);
}

/// <summary>Filters of /api/v1/datacenters and /api/v1/datacenters.csv.</summary>
public sealed record DataCenterQueryParameters
{
    [FromQuery(Name = "operator"), Description("Operator company slug, e.g. 'xai'.")]
    public string? Operator { get; init; }

    [FromQuery(Name = "status"), Description("Facility status: planned, underConstruction, operational or decommissioned.")]
    public string? Status { get; init; }

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Operator) || !string.IsNullOrWhiteSpace(Status);

    public (string? Operator, FacilityStatus? Status) Parse(Dictionary<string, string[]> errors) =>
        (QueryValues.Slug("operator", Operator, errors), QueryValues.Enum<FacilityStatus>("status", Status, errors));
}

/// <summary>Filters of /api/v1/valuations.</summary>
public sealed record ValuationQueryParameters
{
    [FromQuery(Name = "company"), Description("Company slug, e.g. 'xai': only that company's valuations.")]
    public string? Company { get; init; }
}

/// <summary>Reads query values the way <see cref="Features.Deals.DealFilter"/> does: camelCase enum names, lowercase slugs.</summary>
public static class QueryValues
{
    public static T? Enum<T>(string name, string? text, Dictionary<string, string[]> errors) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (System.Enum.TryParse<T>(trimmed.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var value)
            && System.Enum.IsDefined(value) && !trimmed.Any(char.IsDigit))
        {
            return value;
        }

        errors[name] = [$"'{name}' must be one of: {string.Join(", ", System.Enum.GetNames<T>().Select(CamelCase))}."];
        return null;
    }

    public static string? Slug(string name, string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (Slugs.IsValid(trimmed))
        {
            return trimmed;
        }

        errors[name] = [$"'{name}' must be a slug such as 'xai' (lowercase letters, digits and hyphens)."];
        return null;
    }

    public static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
