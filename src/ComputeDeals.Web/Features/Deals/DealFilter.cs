using Microsoft.Extensions.Primitives;

namespace ComputeDeals.Web.Features.Deals;

/// <summary>How the timeline, the JSON API and the CSV export order deals.</summary>
public enum DealSort
{
    Date,
    Value,
    Mw,
    Title,
}

/// <summary>
/// One filter model for the /deals page, /api/v1/deals and /api/v1/deals.csv. It round-trips
/// through the query string: <see cref="Parse"/> reads it (collecting an error per bad
/// parameter) and <see cref="ToQuery"/> writes it back, leaving defaults out.
/// </summary>
public sealed record DealFilter
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static readonly DealFilter Default = new();

    /// <summary>Free text over title, summary and party names.</summary>
    public string? Q { get; init; }

    /// <summary>Company slug: deals where that company has any role.</summary>
    public string? Company { get; init; }

    public DealType? Type { get; init; }

    public DealStatus? Status { get; init; }

    /// <summary>Announced on or after.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Announced on or before.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Minimum value in US dollars (compared with the figure's upper bound).</summary>
    public double? MinValue { get; init; }

    /// <summary>Minimum capacity in MW (compared with the figure's upper bound).</summary>
    public double? MinMw { get; init; }

    public DealSort Sort { get; init; } = DealSort.Date;

    public bool Descending { get; init; } = true;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>True when any criterion (not sort or paging) narrows the rows.</summary>
    public bool IsFiltered =>
        Q is not null || Company is not null || Type is not null || Status is not null || From is not null
        || To is not null || MinValue is not null || MinMw is not null;

    /// <summary>The query-string names, in the order they are written.</summary>
    public static readonly string[] ParameterNames =
        ["q", "company", "type", "status", "from", "to", "minValue", "minMw", "sort", "dir", "page", "pageSize"];

    /// <summary>Reads a filter from query parameters; unknown parameters are ignored, bad values reported.</summary>
    public static DealFilterParseResult Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var values = query
            .Where(p => !StringValues.IsNullOrEmpty(p.Value))
            .GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Value.ToString().Trim(), StringComparer.OrdinalIgnoreCase);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = new DealFilter();

        // Each value is read by the rule every list's query shares (QueryValues): trimmed, at most
        // QueryValues.MaxTextLength characters, camelCase enum names, yyyy-MM-dd dates, slugs; one message per rule.
        string? Raw(string name) => values.GetValueOrDefault(name);
        string? Text(string name) => QueryValues.Text(name, Raw(name), errors);
        T? EnumValue<T>(string name) where T : struct, Enum => QueryValues.Enum<T>(name, Raw(name), errors);
        DateOnly? DateValue(string name) => QueryValues.Date(name, Raw(name), errors);
        int? Integer(string name, int min, int max) => QueryValues.Integer(name, Raw(name), min, max, errors);

        double? Amount(string name, string unit)
        {
            var text = Text(name);
            if (text is null)
            {
                return null;
            }

            if (TryParseAmount(text, out var amount) && amount >= 0)
            {
                return amount;
            }

            errors[name] = [$"'{name}' must be a non-negative number of {unit}, optionally with K, M, B or T (for example 5B)."];
            return null;
        }

        var company = QueryValues.Slug("company", Raw("company"), errors);

        bool? descending = null;
        if (Text("dir") is { } dir)
        {
            descending = dir.Equals("desc", StringComparison.OrdinalIgnoreCase) ? true
                : dir.Equals("asc", StringComparison.OrdinalIgnoreCase) ? false
                : null;
            if (descending is null)
            {
                errors["dir"] = ["'dir' must be asc or desc."];
            }
        }

        filter = filter with
        {
            Q = Text("q"),
            Company = company,
            Type = EnumValue<DealType>("type"),
            Status = EnumValue<DealStatus>("status"),
            From = DateValue("from"),
            To = DateValue("to"),
            MinValue = Amount("minValue", "US dollars"),
            MinMw = Amount("minMw", "MW"),
            Sort = EnumValue<DealSort>("sort") ?? DealSort.Date,
            Page = Integer("page", 1, 1_000_000) ?? 1,
            PageSize = Integer("pageSize", 1, MaxPageSize) ?? DefaultPageSize,
        };
        filter = filter with { Descending = descending ?? filter.Sort != DealSort.Title };

        if (filter.From is { } from && filter.To is { } to && from > to)
        {
            errors["to"] = ["'to' must be on or after 'from'."];
        }

        return new DealFilterParseResult(filter, errors);
    }

    /// <summary>The query parameters for this filter, defaults left out, in a stable order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToQuery()
    {
        var query = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(new(name, value));
            }
        }

        Add("q", Q);
        Add("company", Company);
        Add("type", QueryValues.Name(Type));
        Add("status", QueryValues.Name(Status));
        Add("from", QueryValues.Date(From));
        Add("to", QueryValues.Date(To));
        Add("minValue", MinValue?.ToString("R", CultureInfo.InvariantCulture));
        Add("minMw", MinMw?.ToString("R", CultureInfo.InvariantCulture));
        Add("sort", Sort == DealSort.Date ? null : QueryValues.Name<DealSort>(Sort));
        Add("dir", Descending == (Sort != DealSort.Title) ? null : Descending ? "desc" : "asc");
        Add("page", Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture));
        Add("pageSize", PageSize == DefaultPageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture));
        return query;
    }

    /// <summary>"?q=...&amp;type=..." or "" when everything is default.</summary>
    public string ToQueryString() =>
        ToQuery() is { Count: > 0 } query
            ? "?" + string.Join("&", query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"))
            : string.Empty;

    /// <summary>Parses "5000000000", "5e9", "5B", "1.25 B", "300M".</summary>
    public static bool TryParseAmount(string text, out double amount)
    {
        amount = 0;
        var trimmed = text.Replace(",", string.Empty, StringComparison.Ordinal).Replace("$", string.Empty, StringComparison.Ordinal).Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        var multiplier = char.ToUpperInvariant(trimmed[^1]) switch
        {
            'K' => 1e3,
            'M' => 1e6,
            'B' => 1e9,
            'T' => 1e12,
            _ => 1,
        };
        if (multiplier != 1)
        {
            trimmed = trimmed[..^1].Trim();
        }

        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || double.IsNaN(number) || double.IsInfinity(number))
        {
            return false;
        }

        amount = number * multiplier;
        return amount < 1e16;
    }
}

/// <summary>A parsed filter and the errors keyed by parameter name (empty when valid).</summary>
public sealed record DealFilterParseResult(DealFilter Filter, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
