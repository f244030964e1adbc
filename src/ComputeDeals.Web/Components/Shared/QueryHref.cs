namespace ComputeDeals.Web.Components.Shared;

/// <summary>Builds a site-relative link with the non-empty query parameters, for GET forms' sort and reset links.</summary>
public static class QueryHref
{
    public static string Build(string path, params (string Key, string? Value)[] parameters)
    {
        var query = string.Join("&", parameters
            .Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value!.Trim())}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }
}
