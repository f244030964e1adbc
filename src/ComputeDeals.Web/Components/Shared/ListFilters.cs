namespace ComputeDeals.Web.Components.Shared;

/// <summary>The narrowing the company and data center lists share: a country code and free text.</summary>
public static class ListFilters
{
    /// <summary>The rows in <paramref name="country"/> (a two-letter code, in any case); every row when it is blank.</summary>
    public static IEnumerable<T> InCountry<T>(this IEnumerable<T> rows, string? country, Func<T, string?> countryOf)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return rows;
        }

        var code = country.Trim().ToUpperInvariant();
        return rows.Where(r => countryOf(r) == code);
    }

    /// <summary>The rows one of whose texts contains <paramref name="text"/> (trimmed, ignoring case); every row when it is blank.</summary>
    public static IEnumerable<T> Containing<T>(this IEnumerable<T> rows, string? text, Func<T, IEnumerable<string?>> textsOf)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return rows;
        }

        var needle = text.Trim();
        return rows.Where(r => textsOf(r).Any(t => t is not null && t.Contains(needle, StringComparison.OrdinalIgnoreCase)));
    }
}
