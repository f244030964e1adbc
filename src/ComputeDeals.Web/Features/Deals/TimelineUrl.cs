using Microsoft.AspNetCore.WebUtilities;

namespace ComputeDeals.Web.Features.Deals;

/// <summary>How the /deals page shows the filtered rows.</summary>
public enum TimelineView
{
    /// <summary>A news wire grouped by month.</summary>
    Timeline,

    /// <summary>A dense table with sortable columns.</summary>
    Table,
}

/// <summary>One criterion of a filter as the reader sees it, with the filter that drops it.</summary>
public sealed record ActiveFilter(string Parameter, string Text, DealFilter Without);

/// <summary>
/// The /deals page state in its URL: the shared <see cref="DealFilter"/> plus the page-only
/// <c>view</c> parameter. Parsing never throws; each bad parameter yields an error and is ignored.
/// </summary>
public sealed record TimelineUrl(DealFilter Filter, TimelineView View, IReadOnlyDictionary<string, string[]> Errors)
{
    public const string Path = "/deals";

    /// <summary>Reads the state from an absolute or relative URI.</summary>
    public static TimelineUrl Parse(string uri)
    {
        var queryStart = uri.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart < 0 ? string.Empty : uri[queryStart..].Split('#')[0];
        var values = QueryHelpers.ParseQuery(query);
        var parsed = DealFilter.Parse(values);
        if (values.TryGetValue("order", out var order) && order.ToString().Trim() is { Length: > 0 } orderText
            && !values.ContainsKey("sort") && !values.ContainsKey("dir"))
        {
            // The filter form's one "order" control ("value-desc"), as the sort and dir parameters.
            var parts = orderText.Split('-', 2);
            var withOrder = DealFilter.Parse(values.Where(v => v.Key != "order")
                .Append(new("sort", parts[0])).Append(new("dir", parts.ElementAtOrDefault(1) ?? string.Empty)));
            parsed = withOrder;
        }

        var errors = new Dictionary<string, string[]>(parsed.Errors, StringComparer.Ordinal);
        var view = TimelineView.Timeline;
        if (values.TryGetValue("view", out var viewText) && viewText.ToString().Trim() is { Length: > 0 } text)
        {
            if (text.Equals("table", StringComparison.OrdinalIgnoreCase))
            {
                view = TimelineView.Table;
            }
            else if (!text.Equals("timeline", StringComparison.OrdinalIgnoreCase))
            {
                errors["view"] = ["'view' must be timeline or table."];
            }
        }

        return new TimelineUrl(parsed.Filter, view, errors);
    }

    /// <summary>
    /// The clean link of a URL a filter form produced (empty fields, the combined "order" control),
    /// or null when the URL is already clean or has a value that could not be read.
    /// </summary>
    public static string? CleanUpHref(string uri)
    {
        var queryStart = uri.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return null;
        }

        var url = Parse(uri);
        var values = QueryHelpers.ParseQuery(uri[queryStart..].Split('#')[0]);
        var formShaped = values.ContainsKey("order") || values.Any(v => string.IsNullOrWhiteSpace(v.Value.ToString()));
        return formShaped && url.Errors.Count == 0 ? url.Href() : null;
    }

    /// <summary>
    /// The query string of the page state, defaults left out ("" when all default). While the request
    /// is pinned to a release (<c>?release=</c>), every link of the page keeps it: paging, sorting,
    /// removing a filter and the downloads answer from the same release.
    /// </summary>
    public static string QueryString(DealFilter filter, TimelineView view)
    {
        var query = filter.ToQueryString();
        if (view == TimelineView.Table)
        {
            query = query.Length == 0 ? "?view=table" : query + "&view=table";
        }

        return KeepRelease(query);
    }

    private static string KeepRelease(string query) =>
        Releases.ReleasePin.Current is { } pin
            ? query + (query.Length == 0 ? "?" : "&") + "release=" + Uri.EscapeDataString(pin.Id)
            : query;

    /// <summary>The relative link to a state of the page.</summary>
    public static string Href(DealFilter filter, TimelineView view) => Path + QueryString(filter, view);

    public string Href() => Href(Filter, View);

    /// <summary>A key that identifies the rows shown: equal keys mean equal queries.</summary>
    public string Key => QueryString(Filter, View);

    /// <summary>Link to the CSV export of exactly the filtered rows (all pages).</summary>
    public static string CsvHref(DealFilter filter) =>
        OpenDataApi.Prefix + "/deals.csv" + KeepRelease((filter with { Page = 1, PageSize = DealFilter.DefaultPageSize }).ToQueryString());

    /// <summary>Link to the JSON API for the same rows and page.</summary>
    public static string JsonHref(DealFilter filter) => OpenDataApi.Prefix + "/deals" + KeepRelease(filter.ToQueryString());

    /// <summary>The criteria that narrow the rows, in query-string order, each with a way to drop it.</summary>
    public static IReadOnlyList<ActiveFilter> Describe(DealFilter filter, string? companyName)
    {
        var unpaged = filter with { Page = 1 };
        var list = new List<ActiveFilter>();
        if (filter.Q is { } q)
        {
            list.Add(new("q", $"“{q}”", unpaged with { Q = null }));
        }

        if (filter.Company is { } company)
        {
            list.Add(new("company", companyName ?? company, unpaged with { Company = null }));
        }

        if (filter.Type is { } type)
        {
            list.Add(new("type", Labels.Of(type), unpaged with { Type = null }));
        }

        if (filter.Status is { } status)
        {
            list.Add(new("status", Labels.Of(status), unpaged with { Status = null }));
        }

        if (filter.From is { } from)
        {
            list.Add(new("from", "from " + Labels.Date(from, DatePrecision.Day), unpaged with { From = null }));
        }

        if (filter.To is { } to)
        {
            list.Add(new("to", "to " + Labels.Date(to, DatePrecision.Day), unpaged with { To = null }));
        }

        if (filter.MinValue is { } minValue)
        {
            list.Add(new("minValue", "value ≥ " + FigureFormatter.FormatMoney(minValue), unpaged with { MinValue = null }));
        }

        if (filter.MinMw is { } minMw)
        {
            list.Add(new("minMw", "capacity ≥ " + FigureFormatter.FormatPower(minMw), unpaged with { MinMw = null }));
        }

        return list;
    }

    /// <summary>A short title for the filtered view: "Deals · xAI · 2026".</summary>
    public static string Title(DealFilter filter, string? companyName)
    {
        if (!filter.IsFiltered)
        {
            return "Deal timeline";
        }

        var parts = new List<string>();
        foreach (var active in Describe(filter, companyName))
        {
            switch (active.Parameter)
            {
                case "from" when filter.To is { } to && filter.From is { } from && IsWholeYear(from, to):
                    parts.Add(from.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "to" when filter.From is { } from && filter.To is { } to && IsWholeYear(from, to):
                    break;
                default:
                    parts.Add(active.Text);
                    break;
            }
        }

        return "Deals · " + string.Join(" · ", parts);
    }

    private static bool IsWholeYear(DateOnly from, DateOnly to) =>
        from.Year == to.Year && from is { Month: 1, Day: 1 } && to is { Month: 12, Day: 31 };
}
