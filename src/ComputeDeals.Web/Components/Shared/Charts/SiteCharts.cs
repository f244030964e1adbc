namespace ComputeDeals.Web.Components.Shared.Charts;

/// <summary>
/// Every chart of the site, from its figures to a <see cref="ChartDrawing"/>: shared by the pages and
/// their embeds. Each caption says what the chart leaves out (undisclosed inputs are counted, never drawn
/// as zero) and which "at least" figures are drawn at their floor.
/// </summary>
public static class SiteCharts
{
    /// <summary>Tones of wwwroot/chart.css.</summary>
    public const int Blue = 1, Red = 2, Green = 3, Amber = 4;

    /// <summary>A data center's power over time as a step line; planned and under-construction steps dashed.</summary>
    public static ChartDrawing Capacity(DataCenter center, string id = "capacity-chart")
    {
        ArgumentNullException.ThrowIfNull(center);
        var rows = center.Capacity.OrderBy(r => r.EffectiveDate).ThenBy(r => r.Id).ToList();
        var drawn = rows.Where(r => r.Power.IsDisclosed).ToList();
        var steps = drawn.Select(r =>
        {
            var range = FigureRange.Of(r.Power);
            return new TimeStep(r.EffectiveDate, range.Low, range.High, IsPlanned(r.Status), range.IsOpenEnded);
        }).ToList();
        var chart = new TimeChart(id, "capacity").Steps("Power, MW", Blue, steps);
        if (drawn.Count > 0)
        {
            var last = drawn[^1];
            chart.Label(last.EffectiveDate, FigureRange.Of(last.Power).High, PointLabel(last.Power, FigureUnit.Megawatts, last.Status));
            if (IsPlanned(last.Status) && drawn.LastOrDefault(r => !IsPlanned(r.Status)) is { } operational)
            {
                chart.Label(operational.EffectiveDate, FigureRange.Of(operational.Power).High, PointLabel(operational.Power, FigureUnit.Megawatts, operational.Status));
            }
        }

        if (drawn.Count == 0)
        {
            return chart.Build(
                $"No chart: the power of {center.Name} is undisclosed in {(rows.Count == 1 ? "its one capacity row" : $"all {rows.Count.ToString(CultureInfo.InvariantCulture)} of its capacity rows")}, so there is nothing to draw. The table below lists every row with its qualifier and source.",
                FigureFormatter.FormatPower);
        }

        var caption = Sentence($"Power of {center.Name} over time, in MW; each step holds until the next report")
            + Left(rows.Count - drawn.Count, "row", "undisclosed power")
            + AtFloor(drawn.Count(r => r.Power.Ceiling is null))
            + (drawn.Any(r => r.Precision == DatePrecision.Year) ? " A date known only to its year is drawn at the year's start." : string.Empty)
            + " The table below lists every row with its qualifier and source.";
        return chart.Build(caption, FigureFormatter.FormatPower);
    }

    /// <summary>A company's valuations over time: dots, with whiskers and a band where a valuation is a range.</summary>
    public static ChartDrawing Valuations(IEnumerable<Valuation> valuations, string companyName, string id = "valuation-chart")
    {
        var all = valuations.OrderBy(v => v.AsOf).ThenBy(v => v.Id).ToList();
        var drawn = all.Where(v => v.Amount.IsDisclosed).ToList();
        var points = drawn.Select(v =>
        {
            var range = FigureRange.Of(v.Amount);
            return new TimePoint(v.AsOf, range.Low, range.High, range.IsOpenEnded);
        }).ToList();
        var chart = new TimeChart(id, "valuations").Points("Valuation, US$", Blue, points);
        if (drawn.Count > 0)
        {
            var last = drawn[^1];
            chart.Label(last.AsOf, FigureRange.Of(last.Amount).High, $"{FigureFormatter.Format(last.Amount, FigureUnit.Usd)}, {Month(last.AsOf)}");
            var top = drawn.MaxBy(v => FigureRange.Of(v.Amount).High)!;
            if (FigureRange.Of(top.Amount).High > FigureRange.Of(last.Amount).High)
            {
                chart.Label(top.AsOf, FigureRange.Of(top.Amount).High, $"{FigureFormatter.Format(top.Amount, FigureUnit.Usd)}, {Month(top.AsOf)}");
            }
        }

        if (drawn.Count == 0)
        {
            return chart.Build(
                $"No chart: the amount of {(all.Count == 1 ? "the one valuation" : $"all {all.Count.ToString(CultureInfo.InvariantCulture)} valuations")} of {companyName} is undisclosed, so there is nothing to draw. The table below lists every valuation with its basis and source.",
                FigureFormatter.FormatMoney);
        }

        var caption = Sentence($"Valuation of {companyName} over time, in US dollars")
            + Left(all.Count - drawn.Count, "valuation", "an undisclosed amount")
            + AtFloor(drawn.Count(v => v.Amount.Ceiling is null))
            + " The table below lists every valuation with its basis and source.";
        return chart.Build(caption, FigureFormatter.FormatMoney);
    }

    /// <summary>Deal value per quarter: the solid bar is the sum of the low ends, the band reaches the sum of the high ends.</summary>
    public static ChartDrawing QuarterValue(IReadOnlyList<QuarterTotals> quarters, string id = "quarter-value-chart") =>
        QuarterBars(quarters, id, "quarter-value", "Deal value", Blue, t => t.Value, FigureUnit.Usd,
            "Deal value announced per quarter, US dollars over the deals' terms", "an undisclosed value",
            Left(quarters.Sum(q => q.Totals.NotCountedCount), "rumored or cancelled deal", null, "not added"));

    /// <summary>MW per quarter, like <see cref="QuarterValue"/>.</summary>
    public static ChartDrawing QuarterMw(IReadOnlyList<QuarterTotals> quarters, string id = "quarter-mw-chart") =>
        QuarterBars(quarters, id, "quarter-mw", "Capacity", Green, t => t.Mw, FigureUnit.Megawatts,
            "Capacity announced per quarter, MW", "undisclosed MW",
            Left(quarters.Sum(q => q.Totals.WithoutMwCount), "deal", "no MW figure (chip purchases, investments)"));

    /// <summary>
    /// One measure of the quarter totals as bars with the top quarter labelled; the caption says how many
    /// deals it leaves out as undisclosed, what else <paramref name="alsoLeft"/> says, and what is drawn at its floor.
    /// </summary>
    private static ChartDrawing QuarterBars(
        IReadOnlyList<QuarterTotals> quarters, string id, string kind, string series, int tone, Func<DealTotals, FigureRange> pick, FigureUnit unit,
        string title, string undisclosed, string alsoLeft)
    {
        var chart = new TimeChart(id, kind, 180).Bars(series, tone, Bars(quarters, pick));
        LabelTop(chart, quarters, pick, unit);
        var caption = Sentence(title)
            + Left(quarters.Sum(q => pick(q.Totals).UndisclosedCount), "deal", undisclosed)
            + alsoLeft
            + AtFloor(quarters.Sum(q => pick(q.Totals).OpenEndedCount));
        return chart.Build(caption, value => FigureFormatter.FormatValue(value, unit));
    }

    /// <summary>
    /// Owned (operational solid, planned hatched), contracted-out and contracted-in MW of the companies of
    /// /analytics, each a bar to the low end with a band to the high end; owned capacity that is not
    /// tracked is said, not drawn.
    /// </summary>
    public static ChartDrawing OwnedAndContracted(IReadOnlyList<CapacityPosition> positions, string id = "capacity-by-company-chart")
    {
        var chart = new BarChart(id, "capacity-by-company")
            .Key("owned, operational", ChartStyle.Solid, Blue)
            .Key("owned, planned or under construction", ChartStyle.Planned, Blue)
            .Key("contracted out", ChartStyle.Solid, Red)
            .Key("contracted in", ChartStyle.Solid, Green)
            .Key("up to the high end", ChartStyle.Band, 0);
        var undisclosed = 0;
        var atFloor = 0;
        foreach (var p in positions)
        {
            var bars = new List<RangeBar>();
            var notes = new List<string>();
            if (p.Owned is null)
            {
                notes.Add("owned: not tracked");
            }
            else if (p.TrackedOwned.Count > 0)
            {
                bars.Add(new RangeBar("owned", [Segment(p.OwnedOperational.Range, Blue), Segment(p.OwnedPlanned.Range, Blue, planned: true)], "owned " + p.OwnedText, p.TrackedOwned.IsOpenEnded));
                undisclosed += p.TrackedOwned.UndisclosedCount;
                atFloor += p.TrackedOwned.OpenEndedCount;
            }

            foreach (var (name, traced, tone) in new[] { ("out", p.ContractedOut, Red), ("in", p.ContractedIn, Green) })
            {
                if (traced.Range.Count > 0)
                {
                    bars.Add(new RangeBar(name, [Segment(traced.Range, tone)], name + " " + traced.Text, traced.Range.IsOpenEnded));
                    undisclosed += traced.Range.UndisclosedCount;
                    atFloor += traced.Range.OpenEndedCount;
                }
            }

            chart.Row(new BarRow(p.Company.Name, p.Company.Slug, bars, notes));
        }

        var caption = Sentence($"Owned and contracted MW of the top {positions.Count} companies by available MW")
            + Left(undisclosed, "site or contract", "undisclosed MW")
            + AtFloor(atFloor);
        return chart.Build(caption, FigureFormatter.FormatPower);
    }

    /// <summary>Annual value per MW of the deals whose annual value and MW are both disclosed, as ranges.</summary>
    public static ChartDrawing ValuePerMw(IReadOnlyList<DealValueRow> charted, int notDrawn, string id = "deal-value-per-mw-chart")
    {
        var chart = new BarChart(id, "deal-value-per-mw")
            .Key("low end", ChartStyle.Solid, Blue)
            .Key("up to the high end", ChartStyle.Band, Blue);
        foreach (var row in charted)
        {
            var range = row.AnnualValuePerMw!;
            chart.Row(new BarRow(row.Deal.Title, row.Deal.Slug, [new RangeBar("per MW", [new BarSegment(range.Low, range.High, Blue)], AnalyticsText.PerMwYear(range), range.IsOpenEnded)], []));
        }

        var caption = Sentence($"Annual value per MW of the latest {Count(charted.Count, "deal")} whose annual value and MW are disclosed, US dollars per MW per year")
            + Left(notDrawn, "deal", "an undisclosed value or MW", "not drawn");
        return chart.Build(caption, v => FigureFormatter.FormatMoney(v));
    }

    private static BarSegment Segment(FigureRange range, int tone, bool planned = false) => new(Math.Max(0, range.Low), Math.Max(0, range.High), tone, planned);

    private static List<TimeBar> Bars(IReadOnlyList<QuarterTotals> quarters, Func<DealTotals, FigureRange> pick) =>
        quarters.Select(q =>
        {
            var range = pick(q.Totals);
            var start = Start(q.Quarter);
            return new TimeBar(start, Start(q.Quarter.Next()), range.Low, range.High, q.Label, range.IsOpenEnded);
        }).ToList();

    private static void LabelTop(TimeChart chart, IReadOnlyList<QuarterTotals> quarters, Func<DealTotals, FigureRange> pick, FigureUnit unit)
    {
        var top = quarters.Where(q => pick(q.Totals).DisclosedCount > 0).MaxBy(q => pick(q.Totals).High);
        if (top is not null)
        {
            var start = Start(top.Quarter);
            var middle = start.AddDays((Start(top.Quarter.Next()).DayNumber - start.DayNumber) / 2);
            chart.Label(middle, pick(top.Totals).High, $"{FigureFormatter.Format(pick(top.Totals) with { UndisclosedCount = 0, Count = pick(top.Totals).DisclosedCount }, unit)} in {top.Label}");
        }
    }

    /// <summary>The first day of a quarter.</summary>
    public static DateOnly Start(CalendarQuarter quarter) => new(quarter.Year, ((quarter.Quarter - 1) * 3) + 1, 1);

    private static bool IsPlanned(FacilityStatus status) => status is FacilityStatus.Planned or FacilityStatus.UnderConstruction;

    private static string PointLabel(Figure figure, FigureUnit unit, FacilityStatus status) =>
        FigureFormatter.Format(figure, unit) + (IsPlanned(status) ? " planned" : string.Empty);

    private static string Month(DateOnly date) => date.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    private static string Sentence(string text) => text + ".";

    /// <summary>" 3 deals with undisclosed MW not drawn." or nothing.</summary>
    private static string Left(int count, string noun, string? with, string verb = "not drawn") =>
        count <= 0 ? string.Empty : with is null ? $" {Count(count, noun)} {verb}." : $" {Count(count, noun)} with {with} {verb}.";

    private static string AtFloor(int count) =>
        count <= 0 ? string.Empty : $" {Count(count, "“at least” figure")} drawn at {(count == 1 ? "its" : "their")} floor.";

    private static string Count(int count, string noun) => Labels.Count(count, noun, Plural(noun));

    private static string Plural(string noun) => noun == "site or contract" ? "sites or contracts" : noun + "s";
}
