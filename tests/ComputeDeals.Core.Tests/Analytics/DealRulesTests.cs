using ComputeDeals.Core.Analytics;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Tests.Analytics;

/// <summary>The one definition of each deal rule, checked against hand-computed answers.</summary>
public class DealRulesTests
{
    private static DealInput Deal(
        DealStatus status = DealStatus.Closed, DealType type = DealType.CloudCommitment, string announced = "2026-02-10",
        Figure? value = null, ValuePeriod period = ValuePeriod.Total, Figure? capacity = null,
        string? start = null, string? end = null, int? months = null) => new()
        {
            Id = 1,
            Slug = "d",
            Status = status,
            Type = type,
            AnnouncedOn = DateOnly.Parse(announced, System.Globalization.CultureInfo.InvariantCulture),
            Value = value ?? Figure.Undisclosed(),
            ValuePeriod = period,
            Capacity = capacity,
            TermStart = start is null ? null : DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            TermEnd = end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
            TermMonths = months,
        };

    [Theory]
    [InlineData("2026-01-01", 1)]
    [InlineData("2026-03-31", 1)]
    [InlineData("2026-04-01", 2)]
    [InlineData("2026-09-30", 3)]
    [InlineData("2026-10-01", 4)]
    [InlineData("2026-12-31", 4)]
    public void A_date_falls_in_its_calendar_quarter(string date, int quarter)
    {
        var q = CalendarQuarter.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new CalendarQuarter(2026, quarter), q);
        Assert.Equal($"Q{quarter} 2026", q.Label);
    }

    [Fact]
    public void A_term_without_a_start_date_runs_from_the_announcement()
    {
        var deal = Deal(announced: "2025-11-03", months: 84);
        Assert.Equal(new DateOnly(2032, 11, 3), DealTerms.End(deal));

        // The entity (and so the API's effectiveEnd) reads the same rule.
        var entity = new Deal { Title = "t", Slug = "t", AnnouncedOn = new DateOnly(2025, 11, 3), TermMonths = 84 };
        Assert.Equal(new DateOnly(2032, 11, 3), entity.EffectiveTermEnd);
    }

    [Fact]
    public void An_end_date_wins_over_months()
    {
        Assert.Equal(new DateOnly(2031, 12, 31), DealTerms.End(Deal(start: "2026-01-01", end: "2031-12-31", months: 12)));
        Assert.Null(DealTerms.End(Deal(start: "2026-01-01")));
    }

    [Theory]
    [InlineData(DealStatus.Rumored, false)]
    [InlineData(DealStatus.Announced, true)]
    [InlineData(DealStatus.Closed, true)]
    [InlineData(DealStatus.Cancelled, false)]
    public void Announced_and_closed_deals_count(DealStatus status, bool counts) => Assert.Equal(counts, DealTerms.Counts(status));

    [Fact]
    public void Undisclosed_means_the_qualifier_says_so_or_there_is_no_number()
    {
        Assert.False(Figure.Undisclosed().IsDisclosed);
        Assert.False(new Figure { Qualifier = FigureQualifier.Exact }.IsDisclosed);
        Assert.False(new Figure { Low = 5, Qualifier = FigureQualifier.Undisclosed }.IsDisclosed);
        Assert.True(Figure.UpTo(5).IsDisclosed);
    }

    [Fact]
    public void The_sort_key_is_the_high_end_else_the_low_end_and_null_when_undisclosed()
    {
        Assert.Equal(25e9, new Figure { Low = 5e9, High = 25e9, Qualifier = FigureQualifier.UpTo }.SortKey);
        Assert.Equal(10, Figure.AtLeast(10).SortKey);
        Assert.Equal(40, Figure.UpTo(40).SortKey);
        Assert.Null(Figure.Undisclosed().SortKey);
        Assert.Null(new Figure { Low = 5, Qualifier = FigureQualifier.Undisclosed }.SortKey);
    }

    [Fact]
    public void A_figure_is_an_immutable_value()
    {
        var a = Figure.Exact(5);
        var b = a with { High = 6 };
        Assert.Equal((5d, 5d), (a.Low!.Value, a.High!.Value));
        Assert.Equal(Figure.Exact(5), a);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Quarterly_value_adds_each_counted_deal_over_its_whole_term()
    {
        DealInput[] deals =
        [
            // $2B a year for 36 months = $6B, Q1.
            Deal(value: Figure.Exact(2e9), period: ValuePeriod.PerYear, months: 36, capacity: Figure.Exact(100)),
            // $1B total, Q1, a chip purchase with no MW.
            Deal(type: DealType.ChipPurchase, value: Figure.Exact(1e9)),
            // $100M a month with no term: undisclosed over the term, Q1.
            Deal(value: Figure.Exact(1e8), period: ValuePeriod.PerMonth, capacity: Figure.UpTo(50)),
            // Rumored and cancelled: not added, counted apart.
            Deal(status: DealStatus.Rumored, value: Figure.Exact(9e9)),
            Deal(status: DealStatus.Cancelled, announced: "2026-08-01", value: Figure.Exact(9e9)),
        ];

        var quarters = DealTotals.ByQuarter(deals);

        Assert.Equal(["Q1 2026", "Q2 2026", "Q3 2026"], quarters.Select(q => q.Label));
        var q1 = quarters[0].Totals;
        Assert.Equal((3, 1), (q1.DealCount, q1.NotCountedCount));
        Assert.Equal(new FigureRange(7e9, 7e9, 3, 1, 0), q1.Value);
        Assert.Equal(new FigureRange(100, 150, 2, 0, 0), q1.Mw);
        Assert.Equal(1, q1.WithoutMwCount);
        Assert.Equal(DealTotals.Empty, quarters[1].Totals);
        Assert.Equal((0, 1), (quarters[2].Totals.DealCount, quarters[2].Totals.NotCountedCount));

        // The analytics' quarterly totals read the same definition.
        var analytics = new AnalyticsCalculator(new AnalyticsData([], [], deals.Select((d, i) => d with { Id = i + 1 }).ToList(), []))
            .Quarterly(new DateOnly(2026, 12, 31));
        Assert.Equal(7e9, analytics.Where(q => q.Label == "Q1 2026").Sum(q => q.Value.Low));
        Assert.Equal(3, analytics.Where(q => q.Label == "Q1 2026").Sum(q => q.DealCount));
    }
}
