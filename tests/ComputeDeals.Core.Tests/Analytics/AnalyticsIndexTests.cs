using ComputeDeals.Core.Analytics;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Tests.Analytics;

/// <summary>
/// The date indexes of <see cref="AnalyticsCalculator"/> (deal value per MW, quarterly totals, presorted capacity
/// deals, contributions made when read) give exactly what a plain pass over every deal gives, on 200 generated
/// worlds and at several dates each (the oracles below filter and group all deals, as the calculator did before).
/// </summary>
public class AnalyticsIndexTests
{
    public static TheoryData<int> Seeds() => AnalyticsPropertyTests.Seeds();

    private static IEnumerable<DateOnly> Dates(WorldGenerator.World world) =>
        [world.AsOf, new DateOnly(2022, 12, 31), new DateOnly(2023, 3, 31), new DateOnly(2024, 7, 1), new DateOnly(2025, 2, 14), new DateOnly(2030, 1, 1)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Deal_value_rows_are_the_counted_deals_with_mw_up_to_the_date_newest_first(int seed)
    {
        var world = WorldGenerator.Generate(seed);
        var calculator = new AnalyticsCalculator(world.Data);
        foreach (var date in Dates(world))
        {
            var expected = world.Data.Deals
                .Where(d => d.Status is DealStatus.Announced or DealStatus.Closed && d.AnnouncedOn <= date && DealTerms.HasMw(d))
                .OrderByDescending(d => d.AnnouncedOn).ThenBy(d => d.Id).ToList();
            var rows = calculator.DealValuePerMw(date);

            Assert.Equal(expected.Select(d => d.Id), rows.Select(r => r.Deal.Id));
            Assert.Equal(expected.Count, rows.Count);
            Assert.Equal(rows.Count(DealValueRows.HasDisclosedAnnualPerMw), rows.AnnualPerMwDisclosedCount);
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.Equal(RangeMath.Divide(DealTerms.AnnualValue(expected[i]), DealTerms.Mw(expected[i])), rows[i].AnnualValuePerMw);
                Assert.Equal(RangeMath.Divide(DealTerms.TotalValue(expected[i]), DealTerms.Mw(expected[i])), rows[i].ValuePerMw);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Quarterly_totals_equal_a_grouping_of_every_deal_announced_by_the_date(int seed)
    {
        var world = WorldGenerator.Generate(seed);
        var calculator = new AnalyticsCalculator(world.Data);
        foreach (var date in Dates(world).Append(world.Data.Deals.Select(d => d.AnnouncedOn).DefaultIfEmpty(world.AsOf).Max()))
        {
            var expected = world.Data.Deals
                .Where(d => d.Status is DealStatus.Announced or DealStatus.Closed && d.AnnouncedOn <= date)
                .GroupBy(d => (Quarter: CalendarQuarter.Of(d.AnnouncedOn), d.Type))
                .OrderBy(g => g.Key.Quarter).ThenBy(g => g.Key.Type)
                .Select(g => (g.Key, Totals: DealTotals.Of(g.OrderBy(d => d.AnnouncedOn).ThenBy(d => d.Id)), Ids: g.OrderBy(d => d.AnnouncedOn).ThenBy(d => d.Id).Select(d => d.Id).ToList()))
                .ToList();
            var actual = calculator.Quarterly(date);

            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal((expected[i].Key.Quarter, expected[i].Key.Type), (actual[i].Quarter, actual[i].Type));
                Assert.Equal(expected[i].Totals.DealCount, actual[i].DealCount);
                // Exactly equal, not within a tolerance: the same deals are added in the same order.
                Assert.Equal(expected[i].Totals.Value, actual[i].Value);
                Assert.Equal(expected[i].Totals.Mw, actual[i].Mw);
                Assert.Equal(expected[i].Totals.Accelerators, actual[i].Accelerators);
                Assert.Equal(expected[i].Ids, actual[i].Deals.Select(d => d.Id));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Contracted_ranges_are_the_sums_of_their_inputs_in_term_order(int seed)
    {
        var world = WorldGenerator.Generate(seed);
        var calculator = new AnalyticsCalculator(world.Data);
        foreach (var date in Dates(world))
        {
            foreach (var rollUp in new[] { false, true })
            {
                var positions = calculator.Positions(date, rollUp);
                foreach (var p in positions)
                {
                    // Positions(...) groups members in one pass; Position(...) one company at a time: the same result.
                    var single = calculator.Position(p.Company.Id, date, rollUp);
                    Assert.Equal(single.Members.Select(m => m.Id), p.Members.Select(m => m.Id));
                    var members = p.Members.Select(m => m.Id).ToHashSet();
                    var traced = new[] { (p.ContractedIn, single.ContractedIn, true), (p.ContractedOut, single.ContractedOut, false), (p.AcceleratorsIn, single.AcceleratorsIn, true), (p.AcceleratorsOut, single.AcceleratorsOut, false) };
                    foreach (var (range, again, receiving) in traced)
                    {
                        // Oracle: every counted capacity deal in force at the date with a member in that direction, by term start then id.
                        var expected = world.Data.Deals
                            .Where(d => DealTerms.MovesCapacity(d.Type) && DealTerms.Counts(d.Status) && DealTerms.IsActiveOn(d, date)
                                && d.Parties.Any(x => members.Contains(x.CompanyId) && (receiving ? Labels.IsReceivingRole(x.Role) : Labels.IsGivingRole(x.Role))))
                            .OrderBy(DealTerms.Start).ThenBy(d => d.Id).ToList();
                        Assert.Equal(expected.Count, range.Inputs.Count);
                        Assert.Equal(expected.Select(d => d.Id), range.Inputs.Select(i => i.Id));
                        Assert.Equal(range.Inputs.Select(i => i.Range).Aggregate(FigureRange.Empty, FigureRange.Add), range.Range);
                        Assert.Equal(again.Range, range.Range);
                    }
                }
            }
        }
    }
}
