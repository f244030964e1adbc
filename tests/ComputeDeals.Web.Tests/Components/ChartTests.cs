using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using ComputeDeals.Core.Analytics;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Components.Shared.Charts;

namespace ComputeDeals.Web.Tests.Components;

/// <summary>
/// The shared chart renderer with tiny data sets whose positions are computed by hand: x proportional
/// to days on a true time axis, y from the round axis maximum, ranges as bands and whiskers, planned
/// capacity dashed, undisclosed inputs counted in the caption instead of drawn.
/// </summary>
public class ChartTests : BunitContext
{
    private static double Attr(IElement element, string name) => double.Parse(element.GetAttribute(name)!, CultureInfo.InvariantCulture);

    private static CapacityRow Row(int id, DateOnly date, Figure power, FacilityStatus status) =>
        new() { Id = id, EffectiveDate = date, Precision = DatePrecision.Month, Power = power, Status = status };

    [Fact]
    public void Capacity_steps_sit_at_x_proportional_to_days_with_a_band_for_a_range_and_planned_dashed()
    {
        var center = new DataCenter
        {
            Name = "Test Site",
            Slug = "test-site",
            Capacity =
            [
                Row(1, new DateOnly(2024, 7, 1), Figure.Exact(150), FacilityStatus.Operational),
                Row(2, new DateOnly(2025, 2, 1), Figure.Range(200, 300), FacilityStatus.Operational),
                Row(3, new DateOnly(2025, 9, 1), Figure.Undisclosed(), FacilityStatus.Operational),
                Row(4, new DateOnly(2026, 5, 1), Figure.AtLeast(300), FacilityStatus.Planned),
            ],
        };

        var chart = Render<ChartFigure>(p => p.Add(c => c.Drawing, SiteCharts.Capacity(center)).Add(c => c.TableId, "capacity-table"));

        // Domain: 2024-07-01 to 2026-05-01 is 669 days; 5% (34 days) before, 15% (101 days) after the last step: 804 days.
        // x = days from 2024-05-28 / 804 × 1000. y: the axis ends at 400 (300 × 1.12 rounded up to 100s), 200 px high.
        var dot = (string key) => chart.Find($".cd-chart-dot[data-key='{key}']");
        Assert.Equal(42.29, Attr(dot("2024-07-01"), "data-x"));  // 34 / 804
        Assert.Equal(309.7, Attr(dot("2025-02-01"), "data-x"));  // 249 / 804
        Assert.Equal(874.38, Attr(dot("2026-05-01"), "data-x")); // 703 / 804
        Assert.Equal(125, Attr(dot("2024-07-01"), "data-y"));    // 200 − 150/400 × 200
        Assert.Equal(100, Attr(dot("2025-02-01"), "data-y"));    // low end 200
        Assert.Equal(50, Attr(dot("2025-02-01 high"), "data-y")); // high end 300
        Assert.Equal("left:30.97%;top:100px", dot("2025-02-01").GetAttribute("style"));

        // 7 months (215 days) take less than half the width of 15 months (454 days).
        var x = new[] { "2024-07-01", "2025-02-01", "2026-05-01" }.Select(k => Attr(dot(k), "data-x")).ToArray();
        Assert.Equal(215.0 / 454, (x[1] - x[0]) / (x[2] - x[1]), 3);

        // The range 200–300 MW is a band over its step, from 2025-02-01 to the next drawn step.
        var band = chart.Find("path.cd-chart-band[data-key='2025-02-01']");
        Assert.Equal("M309.7 50H874.38V100H309.7Z", band.GetAttribute("d"));

        // Planned capacity is dashed (its own class) and its dot hollow; operational steps are solid.
        Assert.Contains("cd-chart-planned", chart.Find("path[data-key='2026-05-01']").ClassList);
        Assert.Contains("cd-chart-dot-planned", dot("2026-05-01").ClassList);
        Assert.Contains("cd-chart-solid", chart.Find("path[data-key='2024-07-01']").ClassList);
        Assert.Empty(chart.FindAll(".cd-chart-dot[data-key='2025-09-01']"));

        // "At least 300 MW" has no ceiling: a dotted arrow 22 px up from its floor says it is open above.
        Assert.Equal("M874.38 50L874.38 28", chart.Find("path.cd-chart-open[data-key='2026-05-01']").GetAttribute("d"));
        Assert.Single(chart.FindAll("path.cd-chart-open"));

        var caption = chart.Find("figcaption").TextContent;
        Assert.Contains("1 row with undisclosed power not drawn.", caption, StringComparison.Ordinal);
        Assert.Contains("1 “at least” figure drawn at its floor.", caption, StringComparison.Ordinal);

        // Key points are labelled directly, units included.
        var labels = chart.FindAll(".cd-chart-label").Select(l => l.TextContent).ToList();
        Assert.Equal(["at least 300 MW planned", "~200–300 MW"], labels);
        Assert.Equal("400 MW", chart.FindAll(".cd-chart-y-tick")[^1].TextContent);

        var figure = chart.Find("figure");
        Assert.Equal("capacity-table", figure.GetAttribute("aria-describedby"));
        Assert.Equal("capacity-chart-caption", figure.GetAttribute("aria-labelledby"));
        Assert.Equal("true", chart.Find(".cd-chart-plot").GetAttribute("aria-hidden"));
    }

    [Fact]
    public void A_data_center_whose_power_is_undisclosed_in_every_row_gets_a_sentence_instead_of_empty_axes()
    {
        var center = new DataCenter
        {
            Name = "Quiet Site",
            Slug = "quiet-site",
            Capacity =
            [
                Row(1, new DateOnly(2024, 7, 1), Figure.Undisclosed(), FacilityStatus.Operational),
                Row(2, new DateOnly(2025, 2, 1), Figure.Undisclosed(), FacilityStatus.Planned),
            ],
        };

        var chart = Render<ChartFigure>(p => p.Add(c => c.Drawing, SiteCharts.Capacity(center)).Add(c => c.TableId, "capacity-table"));

        Assert.Empty(chart.FindAll("figure"));
        Assert.Empty(chart.FindAll("svg"));
        Assert.Empty(chart.FindAll(".cd-chart-y-tick, .cd-chart-x-tick"));
        var sentence = chart.Find("p.cd-chart-empty");
        Assert.Equal("capacity-chart", sentence.Id);
        Assert.Equal(
            "No chart: the power of Quiet Site is undisclosed in all 2 of its capacity rows, so there is nothing to draw. The table below lists every row with its qualifier and source.",
            sentence.TextContent);
    }

    [Fact]
    public void A_company_whose_only_valuation_is_undisclosed_gets_a_sentence_instead_of_empty_axes()
    {
        var chart = Render<ChartFigure>(p => p.Add(c => c.Drawing,
            SiteCharts.Valuations([new Valuation { Id = 1, AsOf = new DateOnly(2025, 3, 31), Amount = Figure.Undisclosed() }], "Lab")));

        Assert.Empty(chart.FindAll("figure"));
        Assert.Equal(
            "No chart: the amount of the one valuation of Lab is undisclosed, so there is nothing to draw. The table below lists every valuation with its basis and source.",
            chart.Find("p.cd-chart-empty").TextContent);
    }

    [Fact]
    public void Valuations_draw_a_whisker_for_a_range_and_count_the_undisclosed()
    {
        Valuation V(int id, DateOnly asOf, Figure amount) => new() { Id = id, AsOf = asOf, Amount = amount };
        var valuations = new[]
        {
            V(1, new DateOnly(2024, 1, 1), Figure.Exact(100e9)),
            V(2, new DateOnly(2024, 6, 1), Figure.Undisclosed()),
            V(3, new DateOnly(2025, 1, 1), Figure.Range(200e9, 300e9)),
        };

        var chart = Render<ChartFigure>(p => p.Add(c => c.Drawing, SiteCharts.Valuations(valuations, "Lab")));

        // 2024-01-01 to 2025-01-01 is 366 days; 19 days (5%) on each side: 404 days. Axis: 300B × 1.12 → 400B.
        var first = chart.Find(".cd-chart-dot[data-key='2024-01-01']");
        var low = chart.Find(".cd-chart-dot[data-key='2025-01-01']");
        var high = chart.Find(".cd-chart-dot[data-key='2025-01-01 high']");
        Assert.Equal(47.03, Attr(first, "data-x"));  // 19 / 404
        Assert.Equal(952.97, Attr(low, "data-x"));   // 385 / 404
        Assert.Equal(150, Attr(first, "data-y"));    // 200 − 100/400 × 200
        Assert.Equal(100, Attr(low, "data-y"));
        Assert.Equal(50, Attr(high, "data-y"));
        Assert.Equal("M952.97 100L952.97 50", chart.Find("path.cd-chart-whisker").GetAttribute("d"));
        Assert.Contains("1 valuation with an undisclosed amount not drawn.", chart.Find("figcaption").TextContent, StringComparison.Ordinal);
        Assert.Equal("~$200–300B, Jan 2025", chart.Find(".cd-chart-label").TextContent);
    }

    [Fact]
    public void A_single_valuation_is_a_labelled_dot_in_the_middle_of_a_year_wide_axis()
    {
        var chart = Render<ChartFigure>(p => p.Add(c => c.Drawing,
            SiteCharts.Valuations([new Valuation { Id = 1, AsOf = new DateOnly(2025, 3, 31), Amount = Figure.Exact(61.5e9) }], "Lab")));

        Assert.Equal(500, Attr(chart.Find(".cd-chart-dot"), "data-x"));
        Assert.Equal("$61.5B, Mar 2025", chart.Find(".cd-chart-label").TextContent);
        Assert.Contains("$80B", chart.FindAll(".cd-chart-y-tick").Select(t => t.TextContent));
    }

    [Fact]
    public void Quarter_bars_span_their_quarter_with_a_band_to_the_high_end_and_the_caption_counts_what_is_left_out()
    {
        static QuarterTotals Q(int year, int quarter, FigureRange value, FigureRange mw, int notCounted = 0, int withoutMw = 0) =>
            new(new CalendarQuarter(year, quarter), new DealTotals(value.Count, notCounted, value, mw, withoutMw, FigureRange.Empty));
        var quarters = new[]
        {
            Q(2025, 1, new FigureRange(10e9, 30e9, 3, 1, 0), new FigureRange(100, 100, 1, 0, 0), notCounted: 1, withoutMw: 1),
            Q(2025, 2, new FigureRange(20e9, 20e9, 1, 0, 0), FigureRange.Empty),
        };

        var value = Render<ChartFigure>(p => p.Add(c => c.Drawing, SiteCharts.QuarterValue(quarters)));

        // 2025-01-01 to 2025-07-01: 181 days; Q1 has 90 of them. Bars leave 12% of their quarter free on each side.
        // Axis: 30B × 1.12 = 33.6B → 40B; 180 px: y(10B) = 135, y(30B) = 45, y(20B) = 90.
        var q1 = value.FindAll("path[data-key='Q1 2025']");
        Assert.Equal("M59.67 135H437.57V180H59.67Z", q1[0].GetAttribute("d")); // 90/181 × 1000 = 497.24; gap 59.67
        Assert.Contains("cd-chart-solid", q1[0].ClassList);
        Assert.Equal("M59.67 45H437.57V135H59.67Z", q1[1].GetAttribute("d"));
        Assert.Contains("cd-chart-band", q1[1].ClassList);
        Assert.Single(value.FindAll("path[data-key='Q2 2025']")); // exact: no band
        var caption = value.Find("figcaption").TextContent;
        Assert.Contains("1 deal with an undisclosed value not drawn.", caption, StringComparison.Ordinal);
        Assert.Contains("1 rumored or cancelled deal not added.", caption, StringComparison.Ordinal);
        Assert.Equal("$10–30B in Q1 2025", value.Find(".cd-chart-label").TextContent);

        var mw = Render<ChartFigure>(p => p.Add(c => c.Drawing, SiteCharts.QuarterMw(quarters)));
        Assert.Contains("1 deal with no MW figure (chip purchases, investments) not drawn.", mw.Find("figcaption").TextContent, StringComparison.Ordinal);
        Assert.NotEqual(value.Find("figure").Id, mw.Find("figure").Id);
    }

    [Fact]
    public void Owned_and_contracted_bars_stack_operational_and_planned_and_say_when_owned_is_not_tracked()
    {
        static TracedRange T(FigureRange range) => new(range, FigureUnit.Megawatts, []);
        var none = TracedRange.None(FigureUnit.Megawatts);
        var date = new DateOnly(2026, 1, 1);
        var positions = new[]
        {
            new CapacityPosition(new CompanyRef(1, "builder", "Builder", CompanyKind.Neocloud), [], date,
                T(new FigureRange(300, 300, 1, 0, 0)), T(new FigureRange(100, 200, 2, 1, 0)), none, T(new FigureRange(150, 150, 1, 0, 0)), none, none, none),
            new CapacityPosition(new CompanyRef(2, "cloud", "Cloud", CompanyKind.Hyperscaler), [], date,
                none, none, T(new FigureRange(50, 50, 1, 0, 0)), none, none, none, none, CapacityCoverage.NotTracked),
        };

        var chart = Render<ChartFigure>(p => p.Add(c => c.Drawing, SiteCharts.OwnedAndContracted(positions)));

        // Owned reaches 500 MW: the axis ends at 600 (steps of 200) across the width, x(v) = v / 600 × 1000:
        // x(150) = 250, x(300) = 500, x(400) = 666.67, x(500) = 833.33. A row: its title (18 px), then per bar
        // its label (15 px) and the bar (12 px, then 6 px): the owned bar at 33–45, the contracted-out bar at 66–78.
        var owned = chart.FindAll("path[data-key='builder owned']");
        Assert.Equal("M0 33H500V45H0Z", owned[0].GetAttribute("d"));
        Assert.Contains("cd-chart-solid", owned[0].ClassList);
        Assert.Equal("M500 33H666.67V45H500Z", owned[1].GetAttribute("d"));
        Assert.Contains("cd-chart-planned", owned[1].ClassList);
        Assert.Equal("M666.67 33H833.33V45H666.67Z", owned[2].GetAttribute("d"));
        Assert.Contains("cd-chart-band", owned[2].ClassList);
        Assert.Equal("M0 66H250V78H0Z", chart.Find("path[data-key='builder out']").GetAttribute("d"));
        Assert.Empty(chart.FindAll("path[data-key='cloud owned']"));
        var texts = chart.FindAll(".cd-chart-text").Select(t => t.TextContent).ToList();
        Assert.Contains("owned: not tracked", texts);
        Assert.Contains("owned 400–500 MW + 1 undisclosed", texts);
        Assert.Contains("in 50 MW", texts);
        Assert.Contains("1 site or contract with undisclosed MW not drawn.", chart.Find("figcaption").TextContent, StringComparison.Ordinal);
    }
}

/// <summary>The charts as the pages serve them: in the first HTML, drawn from the figures the page's tables show.</summary>
public class ChartPagesTests(ComputeDeals.Testing.TestAppFactory app) : IClassFixture<ComputeDeals.Testing.TestAppFactory>
{
    private static double Attr(IElement element, string name) => double.Parse(element.GetAttribute(name)!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Colossus_1_capacity_is_a_step_line_on_a_true_time_axis()
    {
        var page = await ComputeDeals.Web.Tests.Features.PageClient.GetPageAsync(app, "/datacenters/colossus-1");

        var chart = page.QuerySelector("figure#capacity-chart")!;
        var x = new[] { "2024-07-01", "2025-02-01", "2026-05-06" }.Select(k => Attr(chart.QuerySelector($".cd-chart-dot[data-key='{k}']")!, "data-x")).ToArray();
        // July 2024 → February 2025 is 215 days, February 2025 → May 2026 is 459: x follows the days, not the row count.
        Assert.Equal(215.0 / 459, (x[1] - x[0]) / (x[2] - x[1]), 3);
        Assert.Contains("1 “at least” figure drawn at its floor.", chart.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("capacity-table", chart.GetAttribute("aria-describedby"));
        Assert.NotNull(page.QuerySelector("#capacity-table tbody tr"));

        // Colossus 2's only row is dated "2026": the caption says where such a date is drawn.
        var colossus2 = await ComputeDeals.Web.Tests.Features.PageClient.GetPageAsync(app, "/datacenters/colossus-2");
        Assert.Contains("A date known only to its year is drawn at the year's start.", colossus2.QuerySelector("figure#capacity-chart figcaption")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("known only to its year", chart.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_value_per_mw_bar_is_labelled_with_the_figure_of_its_deal_in_the_table()
    {
        var page = await ComputeDeals.Web.Tests.Features.PageClient.GetPageAsync(app, "/analytics?asOf=2026-06-01");

        var chart = page.QuerySelector("figure#deal-value-per-mw-chart")!;
        // One row per deal (a deal whose low end is 0 has only its band): the keys of the drawn shapes, in order.
        var slugs = chart.QuerySelectorAll("path[data-key]").Select(p => p.GetAttribute("data-key")!.Split(' ')[0]).Distinct().ToList();
        var labels = chart.QuerySelectorAll(".cd-chart-bar-label").Select(l => l.TextContent).ToList();
        Assert.NotEmpty(slugs);
        Assert.Equal(slugs.Count, labels.Count);
        for (var i = 0; i < slugs.Count; i++)
        {
            var cell = page.QuerySelector($"tr[data-deal='{slugs[i]}'] td[data-field='per-mw-year']")!;
            Assert.Equal(cell.TextContent.Trim(), labels[i]);
        }
    }

    [Theory]
    [InlineData("/datacenters/colossus-1")]
    [InlineData("/companies/xai")]
    [InlineData("/deals")]
    [InlineData("/analytics")]
    [InlineData("/embed/charts/capacity-by-company")]
    [InlineData("/embed/charts/deal-value-per-mw")]
    [InlineData("/embed/charts/valuation-per-mw")]
    [InlineData("/embed/datacenters/colossus-1")]
    public async Task Chart_pages_use_every_id_once_and_no_mud_chart(string url)
    {
        var page = await ComputeDeals.Web.Tests.Features.PageClient.GetPageAsync(app, url);

        Assert.NotEmpty(page.QuerySelectorAll("figure.cd-chart svg"));
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Empty(page.QuerySelectorAll(".mud-chart"));
    }
}
