using ComputeDeals.Core.Analytics;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using static ComputeDeals.Core.Tests.Analytics.AnalyticsFixture;

namespace ComputeDeals.Core.Tests.Analytics;

public class ValuationAndDealValueTests
{
    [Fact]
    public void The_valuation_at_a_date_is_the_latest_at_or_before_it()
    {
        Assert.Null(Calculator.ValuationAt(Lab, new DateOnly(2024, 12, 31)));
        Assert.Equal(100e9, Calculator.ValuationAt(Lab, new DateOnly(2025, 6, 30))!.Range.High);
        Assert.Equal(120e9, Calculator.ValuationAt(Lab, AsOf)!.Range.High);
    }

    [Fact]
    public void A_ratio_over_an_up_to_valuation_is_at_least_the_quotient_of_the_ceiling()
    {
        // 120B / [0, 40B] = [3, ∞)
        var ratio = Calculator.ValuationRatio(Lab, Cloud, AsOf)!;

        Assert.Equal(3d, ratio.Low);
        Assert.True(ratio.IsOpenEnded);
        Assert.Equal("at least 3×", AnalyticsText.Ratio(ratio));
    }

    [Fact]
    public void A_ratio_with_a_company_without_valuation_is_not_computed()
    {
        Assert.Null(Calculator.ValuationRatio(Lab, Buyer, AsOf));
        Assert.Equal("n/a", AnalyticsText.Ratio(null));
    }

    [Fact]
    public void Valuation_per_available_MW_divides_by_both_ends_of_the_available_range()
    {
        var comparison = Calculator.CompareValuations([Lab, Cloud, Buyer], AsOf, rollUp: false);

        var lab = comparison.Companies[0];
        // 120B / [100, 130] MW = [923.08M, 1.2B] per MW.
        Assert.Equal(120e9 / 130, lab.ValuePerAvailableMw!.Low, 3);
        Assert.Equal(1.2e9, lab.ValuePerAvailableMw.High, 3);
        Assert.Equal("$923M–$1.2B/MW", AnalyticsText.PerMw(lab.ValuePerAvailableMw));
        Assert.Equal(3, comparison.Ratios.Count);
        Assert.Equal(("lab", "cloud"), (comparison.Ratios[0].Numerator.Slug, comparison.Ratios[0].Denominator.Slug));
        Assert.Null(comparison.Companies[2].Valuation);
        Assert.Null(comparison.Companies[2].ValuePerAvailableMw);
    }

    [Fact]
    public void Deal_value_per_MW_uses_the_term_and_value_period()
    {
        var rows = Calculator.DealValuePerMw(AsOf).ToDictionary(r => r.Deal.Slug);

        Assert.Equal(["alpha-sale", "cloud-undisclosed", "ended-lease", "parent-lease"], rows.Keys.Order());
        // D1: $1.2B total over 24 months on 150 MW: $8M/MW, $600M a year → $4M/MW/year.
        var sale = rows["alpha-sale"];
        Assert.Equal((150d, 24d), (sale.Mw.High, sale.TermMonths!.Value));
        Assert.Equal((8e6, 8e6), (sale.ValuePerMw!.Low, sale.ValuePerMw.High));
        Assert.Equal((4e6, 4e6), (sale.AnnualValuePerMw!.Low, sale.AnnualValuePerMw.High));
        Assert.Equal("$8M/MW", AnalyticsText.PerMw(sale.ValuePerMw));
        // D6: $10M a month for 12 months = $120M on at least 20 MW: up to $6M/MW.
        var lease = rows["parent-lease"];
        Assert.Equal((120e6, 120e6), (lease.TotalValue.Low, lease.TotalValue.High));
        Assert.Equal((0d, 6e6), (lease.ValuePerMw!.Low, lease.ValuePerMw.High));
        Assert.Equal("up to $6M/MW", AnalyticsText.PerMw(lease.ValuePerMw));
        // D2: value and MW undisclosed.
        Assert.Equal("undisclosed", AnalyticsText.PerMw(rows["cloud-undisclosed"].ValuePerMw));
    }

    [Fact]
    public void A_yearly_rate_without_a_term_has_an_annual_value_but_an_undisclosed_total()
    {
        var deal = new DealInput
        {
            Id = 1, Slug = "rate", AnnouncedOn = new DateOnly(2026, 5, 6), Value = Figure.Range(3e9, 15e9),
            ValuePeriod = ValuePeriod.PerYear, Capacity = Figure.AtLeast(300),
        };

        Assert.Equal((3e9, 15e9), (DealTerms.AnnualValue(deal).Low, DealTerms.AnnualValue(deal).High));
        Assert.Equal(1, DealTerms.TotalValue(deal).UndisclosedCount);
        // [3B, 15B] a year over at least 300 MW: up to $50M/MW/year.
        var perMw = RangeMath.Divide(DealTerms.AnnualValue(deal), DealTerms.Mw(deal));
        Assert.Equal("up to $50M/MW/year", AnalyticsText.PerMwYear(perMw));
    }

    [Fact]
    public void Capacity_falls_back_to_the_sum_of_data_center_shares()
    {
        var deal = new DealInput
        {
            Id = 1, Slug = "shares", AnnouncedOn = new DateOnly(2026, 1, 1),
            DataCenters = [new(1, Figure.Exact(100)), new(2, Figure.Range(10, 20)), new(3, null)],
        };

        var mw = DealTerms.Mw(deal);
        Assert.Equal((110d, 120d, 3, 1), (mw.Low, mw.High, mw.Count, mw.UndisclosedCount));
    }

    [Fact]
    public void Quarterly_totals_add_value_and_MW_per_type_with_undisclosed_counts()
    {
        var quarters = Calculator.Quarterly(AsOf);

        Assert.Equal(["Q1 2024", "Q1 2025", "Q2 2025"], quarters.Select(q => q.Label));
        var q2 = quarters.Single(q => q.Label == "Q2 2025");
        Assert.Equal((DealType.CapacitySaleOrLease, 2), (q2.Type, q2.DealCount));
        // $1.2B + $10M × 12 = $1.32B; 150 + at least 20 = at least 170 MW.
        Assert.Equal((1.32e9, 1.32e9, 0), (q2.Value.Low, q2.Value.High, q2.Value.UndisclosedCount));
        Assert.Equal("at least 170 MW", FigureFormatter.Format(q2.Mw, FigureUnit.Megawatts));
        var q1 = quarters.Single(q => q.Label == "Q1 2025");
        Assert.Equal("undisclosed", FigureFormatter.Format(q1.Value, FigureUnit.Usd));
        Assert.Equal(1, q1.Mw.UndisclosedCount);
    }
}
