using ComputeDeals.Web.Components.Shared.Charts;

namespace ComputeDeals.Web.Features.Analytics;

/// <summary>
/// What the charts of /analytics plot, in one place for the page and its embeds
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
        [.. rows.Where(DealValueRows.HasDisclosedAnnualPerMw).Take(DealCount)];

    /// <summary>Rows the value-per-MW chart cannot draw (an undisclosed annual value or MW); counted from the index, not the rows, when it can.</summary>
    public static int UndrawnDeals(IReadOnlyList<DealValueRow> rows) =>
        rows is DealValueRows indexed ? indexed.Count - indexed.AnnualPerMwDisclosedCount : rows.Count(r => !DealValueRows.HasDisclosedAnnualPerMw(r));

    /// <summary>A bar label short enough not to overlap its neighbours.</summary>
    public static string ShortLabel(string title) => title.Length > 28 ? title[..27] + "…" : title;

    /// <summary>
    /// Valuation per available MW of the compared companies as range bars (solid to the low end, a band and a
    /// whisker to the high end, a dotted run past an "at least" figure), drawn with the shared <see cref="BarChart"/>.
    /// A company whose figure cannot be drawn gets a note in its row and is named in the caption with the reason;
    /// nothing missing is drawn as zero.
    /// </summary>
    public static ChartDrawing ValuationPerMw(ValuationComparison comparison, string id = "valuation-per-mw-chart", string textVersion = "The valuation table above is the text version.")
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var chart = new BarChart(id, "valuation-per-mw")
            .Key("low end", ChartStyle.Solid, SiteCharts.Amber)
            .Key("up to the high end", ChartStyle.Band, SiteCharts.Amber);
        var notDrawn = new List<string>();
        var partial = new List<string>();
        foreach (var v in comparison.Companies)
        {
            var name = v.Company.Name;
            if (NotDrawnReason(v) is { } reason)
            {
                chart.Row(new BarRow(name, v.Company.Slug, [], [reason]));
                notDrawn.Add($"{name} ({reason})");
                continue;
            }

            var range = v.ValuePerAvailableMw!;
            if (range.UndisclosedCount > 0)
            {
                partial.Add(name);
            }

            var bar = new RangeBar("per MW", [new BarSegment(range.Low, range.High, SiteCharts.Amber)], AnalyticsText.PerMw(range), range.IsOpenEnded);
            chart.Row(new BarRow(name, v.Company.Slug, [bar], []));
        }

        var caption = $"Valuation per available MW on {Labels.Date(comparison.AsOf, DatePrecision.Day)}{(comparison.RolledUp ? ", subsidiaries rolled into their parents" : string.Empty)}, US dollars per MW: each company's latest valuation divided by its available MW, both as ranges.";
        if (notDrawn.Count > 0)
        {
            caption += " Not drawn: " + string.Join("; ", notDrawn) + ".";
        }

        if (partial.Count > 0)
        {
            caption += $" {string.Join(", ", partial)}: drawn from the disclosed inputs only; the undisclosed ones are counted in the table.";
        }

        return chart.Build(caption + " " + textVersion, v => FigureFormatter.FormatMoney(v) + "/MW");
    }

    /// <summary>Why a company's valuation per MW cannot be drawn, in a few words; null when it can.</summary>
    public static string? NotDrawnReason(CompanyValuation v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return v switch
        {
            { Valuation: null } => "no valuation on record",
            { Position.Available: null } => "available MW " + (v.Position.Coverage == CapacityCoverage.Complete ? "not proven above zero" : AnalyticsText.NotTracked),
            { ValuePerAvailableMw: null } => AnalyticsText.NotApplicable,
            { ValuePerAvailableMw.DisclosedCount: 0 } => v.Valuation.Amount.IsDisclosed ? "available MW undisclosed" : "valuation undisclosed",
            { ValuePerAvailableMw: { IsOpenEnded: true, Low: 0 } } => "not bounded: its inputs are open-ended",
            _ => null,
        };
    }
}
