using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace ComputeDeals.Web.Api;

/// <summary>
/// The filters of a list the website shows too (see <see cref="ApiRoutes.FilteredList{TParameters, TQuery, TRow, TDto}"/>): they read the rows of the
/// list's query, the JSON list and the CSV alike.
/// </summary>
public interface IListParameters<in TQuery, TRow>
{
    /// <summary>True when any filter is set: the rows are then not the website's whole list.</summary>
    bool IsFiltered { get; }

    /// <summary>The rows the website's list shows for these filters, or the bad values by name.</summary>
    Task<(IReadOnlyList<TRow>? Rows, Dictionary<string, string[]> Errors)> QueryAsync(TQuery query, CancellationToken cancellationToken);
}

/// <summary>Filters of /api/v1/companies and /api/v1/companies.csv: the same as the /companies page.</summary>
public sealed record CompanyQueryParameters : IListParameters<Features.Companies.CompanyListQuery, Features.Companies.CompanyRow>
{
    [FromQuery(Name = "q"), Description("Text in the company's name or one of its aliases (at most 200 characters), as on /companies and /search.")]
    public string? Q { get; init; }

    [FromQuery(Name = "kind"), Description("Company kind: aiLab, hyperscaler, neocloud, chipMaker, investor, conglomerate or other.")]
    public string? Kind { get; init; }

    [FromQuery(Name = "country"), Description("Two-letter country code, e.g. US.")]
    public string? Country { get; init; }

    [FromQuery(Name = "sort"), Description("Order: name (default), deals, datacenters or country.")]
    public string? Sort { get; init; }

    public bool IsFiltered => ToFilter([]).IsFiltered;

    /// <summary>The list filter these parameters describe, read as the /companies page reads it; bad values are reported in <paramref name="errors"/>.</summary>
    public Features.Companies.CompanyListFilter ToFilter(Dictionary<string, string[]> errors) =>
        Features.Companies.CompanyListFilter.Parse(Q, Kind, Country, Sort, errors);

    /// <summary>The rows the /companies page shows for these filters (the JSON list and the CSV share them), or the bad values by name.</summary>
    public async Task<(IReadOnlyList<Features.Companies.CompanyRow>? Rows, Dictionary<string, string[]> Errors)> QueryAsync(
        Features.Companies.CompanyListQuery companies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(companies);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = ToFilter(errors);
        return errors.Count > 0 ? (null, errors) : (await companies.ListAsync(filter, cancellationToken), errors);
    }
}

/// <summary>Filters of /api/v1/datacenters and /api/v1/datacenters.csv.</summary>
public sealed record DataCenterQueryParameters : IListParameters<Features.DataCenters.DataCenterListQuery, Features.DataCenters.DataCenterRow>
{
    [FromQuery(Name = "operator"), Description("Operator company slug, e.g. 'xai'.")]
    public string? Operator { get; init; }

    [FromQuery(Name = "status"), Description("Facility status: planned, underConstruction, operational or decommissioned.")]
    public string? Status { get; init; }

    [FromQuery(Name = "q"), Description("Text in the name, city, region, country code or operator's name (at most 200 characters), as on /datacenters and /search.")]
    public string? Q { get; init; }

    [FromQuery(Name = "country"), Description("Two-letter country code, e.g. US.")]
    public string? Country { get; init; }

    [FromQuery(Name = "sort"), Description("Order: name (default), operator, power or status.")]
    public string? Sort { get; init; }

    public bool IsFiltered => ToFilter([]).IsFiltered;

    /// <summary>The list filter these parameters describe, read as the /datacenters page reads it; bad values are reported in <paramref name="errors"/>.</summary>
    public Features.DataCenters.DataCenterListFilter ToFilter(Dictionary<string, string[]> errors) =>
        Features.DataCenters.DataCenterListFilter.Parse(Q, Country, Status, Sort, Operator, errors);

    /// <summary>The rows the /datacenters page shows for these filters (the JSON list and the CSV share them), or the bad values by name.</summary>
    public async Task<(IReadOnlyList<Features.DataCenters.DataCenterRow>? Rows, Dictionary<string, string[]> Errors)> QueryAsync(
        Features.DataCenters.DataCenterListQuery dataCenters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataCenters);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = ToFilter(errors);
        return errors.Count > 0 ? (null, errors) : (await dataCenters.ListAsync(filter, cancellationToken), errors);
    }
}

/// <summary>Filters of /api/v1/valuations.</summary>
public sealed record ValuationQueryParameters
{
    [FromQuery(Name = "company"), Description("Company slug, e.g. 'xai': only that company's valuations.")]
    public string? Company { get; init; }
}

/// <summary>
/// How every query string of the site and the API reads a value (and says what is wrong with it):
/// trimmed text with a length limit, camelCase enum names, lowercase slugs, two-letter countries,
/// yyyy-MM-dd dates and bounded whole numbers. <see cref="Features.Deals.DealFilter"/>, the company and
/// data center list filters and the network's parameters all read through here.
/// </summary>
public static class QueryValues
{
    /// <summary>The longest search text any search box takes: /search and the q of every list, page, JSON and CSV alike.</summary>
    public const int MaxTextLength = 200;

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

    public static string? Text(string name, string? text, Dictionary<string, string[]> errors, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length <= maxLength)
        {
            return trimmed;
        }

        errors[name] = [$"'{name}' must be at most {maxLength} characters."];
        return null;
    }

    public static string? Country(string name, string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length == 2 && trimmed.All(char.IsAsciiLetter))
        {
            return trimmed.ToUpperInvariant();
        }

        errors[name] = [$"'{name}' must be a two-letter country code such as US."];
        return null;
    }

    public static string? OneOf(string name, string? text, IReadOnlyList<string> allowed, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim().ToLowerInvariant();
        if (allowed.Contains(trimmed))
        {
            return trimmed;
        }

        errors[name] = [$"'{name}' must be one of: {string.Join(", ", allowed)}."];
        return null;
    }

    public static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>A date written yyyy-MM-dd; a bad one is reported in <paramref name="errors"/>.</summary>
    public static DateOnly? Date(string name, string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[name] = [$"'{text}' is not a date: use YYYY-MM-DD, such as 2026-06-01."];
        return null;
    }

    /// <summary>A date as <see cref="Date(string, string?, Dictionary{string, string[]})"/> reads it back; null for none.</summary>
    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; a bad one is reported in <paramref name="errors"/>.</summary>
    public static int? Integer(string name, string? text, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors[name] = [$"'{name}' must be a whole number from {min} to {max}."];
        return null;
    }

    /// <summary>An enum value as query strings spell it (camelCase, what <see cref="Enum{T}"/> reads back); null for none.</summary>
    public static string? Name<T>(T? value) where T : struct, System.Enum => value is { } v ? CamelCase(v.ToString()) : null;
}
