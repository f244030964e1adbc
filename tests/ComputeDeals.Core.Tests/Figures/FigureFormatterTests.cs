using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Tests.Figures;

public class FigureFormatterTests
{
    [Fact]
    public void Up_to_money_reads_like_a_reporter_would() =>
        Assert.Equal("up to $40B", FigureFormatter.Format(Figure.UpTo(40e9), FigureUnit.Usd));

    [Fact]
    public void Approximate_power_gets_a_tilde() =>
        Assert.Equal("~300 MW", FigureFormatter.Format(Figure.About(300), FigureUnit.Megawatts));

    [Fact]
    public void Undisclosed_figure_is_never_shown_as_zero()
    {
        Assert.Equal("undisclosed", FigureFormatter.Format(Figure.Undisclosed(), FigureUnit.Usd));
        Assert.Equal("undisclosed", FigureFormatter.Format((Figure?)null, FigureUnit.Megawatts));
    }

    [Theory]
    [InlineData(5e9, "$5B")]
    [InlineData(1.25e9, "$1.25B")]
    [InlineData(69.3e9, "$69.3B")]
    [InlineData(230e9, "$230B")]
    [InlineData(350e6, "$350M")]
    [InlineData(1.2e12, "$1.2T")]
    [InlineData(11.9e9, "$11.9B")]
    public void Money_is_scaled_with_three_significant_figures(double usd, string expected) =>
        Assert.Equal(expected, FigureFormatter.Format(Figure.Exact(usd), FigureUnit.Usd));

    [Theory]
    [InlineData(168, "168 MW")]
    [InlineData(1092, "1.09 GW")]
    [InlineData(10000, "10 GW")]
    [InlineData(0.5, "0.5 MW")]
    public void Power_switches_to_gigawatts_at_one_thousand_megawatts(double mw, string expected) =>
        Assert.Equal(expected, FigureFormatter.Format(Figure.Exact(mw), FigureUnit.Megawatts));

    [Fact]
    public void Counts_use_thousands_separators_and_millions() =>
        Assert.Equal(("220,000", "up to 1M"), (
            FigureFormatter.Format(Figure.Exact(220_000), FigureUnit.Count),
            FigureFormatter.Format(Figure.UpTo(1_000_000), FigureUnit.Count)));

    [Fact]
    public void Conflicting_reports_become_an_approximate_range_with_a_shared_scale() =>
        Assert.Equal("~$1.2–1.25B", FigureFormatter.Format(Figure.Range(1.2e9, 1.25e9), FigureUnit.Usd));

    [Fact]
    public void Range_across_scales_writes_both_units() =>
        Assert.Equal("$300M–$1.2B", FigureFormatter.Format(
            new Figure { Low = 300e6, High = 1.2e9, Qualifier = FigureQualifier.Exact }, FigureUnit.Usd));

    [Fact]
    public void At_least_and_up_to_with_a_floor()
    {
        Assert.Equal("at least 10 GW", FigureFormatter.Format(Figure.AtLeast(10_000), FigureUnit.Megawatts));
        Assert.Equal("$5B, up to $25B", FigureFormatter.Format(
            new Figure { Low = 5e9, High = 25e9, Qualifier = FigureQualifier.UpTo }, FigureUnit.Usd));
    }

    [Fact]
    public void Estimates_are_marked_as_estimates() =>
        Assert.Equal("~661 MW (estimated)", FigureFormatter.Format(Figure.About(661, FigureBasis.Estimated), FigureUnit.Megawatts));

    [Fact]
    public void A_sum_says_how_many_inputs_were_undisclosed()
    {
        var sum = FigureRange.Sum([Figure.Exact(5e9), Figure.UpTo(40e9), Figure.Undisclosed()]);
        Assert.Equal("$5–45B + 1 undisclosed", FigureFormatter.Format(sum, FigureUnit.Usd));
    }

    [Fact]
    public void A_sum_without_a_floor_reads_up_to_and_never_shows_zero()
    {
        // The circular flows on /network add "up to" legs without a floor: [0, 40B] and [0, 10B + 30B].
        var one = FigureRange.Sum([Figure.UpTo(40e9)]);
        var two = FigureRange.Sum([Figure.UpTo(10e9), Figure.UpTo(30e9), Figure.Undisclosed()]);
        Assert.Equal(("up to $40B", "up to $40B + 1 undisclosed", "up to 1.5 GW"), (
            FigureFormatter.Format(one, FigureUnit.Usd),
            FigureFormatter.Format(two, FigureUnit.Usd),
            FigureFormatter.Format(FigureRange.Sum([Figure.UpTo(500), Figure.UpTo(1000)]), FigureUnit.Megawatts)));
        Assert.DoesNotContain("$0", FigureFormatter.Format(one, FigureUnit.Usd), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sum_with_an_open_ended_input_is_marked_open()
    {
        var sum = FigureRange.Sum([Figure.Exact(300), Figure.AtLeast(1000)]);
        Assert.Equal("at least 1.3 GW", FigureFormatter.Format(sum, FigureUnit.Megawatts));
    }

    [Fact]
    public void A_sum_of_only_undisclosed_inputs_is_undisclosed_not_zero() =>
        Assert.Equal("undisclosed", FigureFormatter.Format(FigureRange.Sum([Figure.Undisclosed(), null]), FigureUnit.Usd));

    [Fact]
    public void A_deal_value_reads_with_its_period_and_undisclosed_without_one() =>
        Assert.Equal(("~$3–15B/year", "$100M/month", "up to $40B", "undisclosed", "undisclosed"), (
            FigureFormatter.FormatDealValue(Figure.Range(3e9, 15e9), ValuePeriod.PerYear),
            FigureFormatter.FormatDealValue(Figure.Exact(1e8), ValuePeriod.PerMonth),
            FigureFormatter.FormatDealValue(Figure.UpTo(40e9), ValuePeriod.Total),
            FigureFormatter.FormatDealValue(Figure.Undisclosed(), ValuePeriod.PerYear),
            FigureFormatter.FormatDealValue(null, ValuePeriod.Total)));

    [Fact]
    public void Qualifier_basis_and_support_have_one_label_each() =>
        Assert.Equal(("up to", "estimated", "value, capacity", "the deal generally", "~661 MW (estimated)"), (
            Labels.Of(FigureQualifier.UpTo),
            Labels.Of(FigureBasis.Estimated),
            Labels.Of(SourceSupports.Value | SourceSupports.Capacity),
            Labels.Of(SourceSupports.General),
            FigureFormatter.Format(Figure.About(661, FigureBasis.Estimated), FigureUnit.Megawatts)));
}
