using ComputeDeals.Core.Figures;
using static ComputeDeals.Core.Tests.Analytics.AnalyticsFixture;

namespace ComputeDeals.Core.Tests.Analytics;

public class CapacityPositionTests
{
    private static (double Low, double High, int Count, int Undisclosed, int OpenEnded) Parts(FigureRange r) =>
        (r.Low, r.High, r.Count, r.UndisclosedCount, r.OpenEndedCount);

    [Fact]
    public void Owned_capacity_adds_operational_rows_and_keeps_planned_ranges_apart()
    {
        var lab = Calculator.Position(Lab, AsOf, rollUp: false);

        Assert.Equal((200d, 200d, 1, 0, 0), Parts(lab.OwnedOperational.Range));
        Assert.Equal((50d, 80d, 1, 0, 0), Parts(lab.OwnedPlanned.Range));
        // Owned = 200 + [50, 80] = [250, 280]; contracted-out 150 (D1); nothing in yet.
        Assert.Equal((250d, 280d), (lab.Owned!.Low, lab.Owned.High));
        Assert.Equal((150d, 150d, 1, 0, 0), Parts(lab.ContractedOut.Range));
        Assert.Equal(0, lab.ContractedIn.Range.Count);
        // Available = [250, 280] − 150 + 0 = [100, 130].
        Assert.Equal((100d, 130d), (lab.Available!.Low, lab.Available.High));
    }

    [Fact]
    public void A_capacity_timeline_that_changes_between_two_dates_gives_each_date_its_own_row()
    {
        var before = Calculator.Position(Lab, new DateOnly(2025, 1, 15), rollUp: false);
        var after = Calculator.Position(Lab, AsOf, rollUp: false);

        Assert.Equal(100d, before.OwnedOperational.Range.High);
        Assert.Equal(100, before.OwnedOperational.Inputs.Single().Id);
        Assert.Equal(200d, after.OwnedOperational.Range.High);
        Assert.Equal(101, after.OwnedOperational.Inputs.Single().Id);
        Assert.Equal("Alpha doubles", after.OwnedOperational.Inputs.Single().Sources.Single().Title);
        Assert.Equal((50_000d, 100_000d), (before.OwnedAccelerators.Range.High, after.OwnedAccelerators.Range.High));
    }

    [Fact]
    public void A_data_center_before_its_first_row_is_not_owned_yet()
    {
        var lab = Calculator.Position(Lab, new DateOnly(2023, 12, 31), rollUp: false);

        Assert.True(lab.IsEmpty);
        Assert.Equal("none", lab.OwnedOperational.Text);
    }

    [Fact]
    public void An_undisclosed_deal_is_counted_beside_the_sum_and_not_taken_as_zero()
    {
        var buyer = Calculator.Position(Buyer, AsOf, rollUp: false);

        // In: D1 150 + D2 undisclosed + D6 at least 20 = 170, one undisclosed, one open-ended.
        Assert.Equal((170d, 170d, 3, 1, 1), Parts(buyer.ContractedIn.Range));
        Assert.Equal("at least 170 MW + 1 undisclosed", buyer.ContractedIn.Text);
        Assert.Equal(["alpha-sale", "cloud-undisclosed", "parent-lease"], buyer.ContractedIn.Inputs.Select(i => i.Slug).Order());
    }

    [Fact]
    public void An_undisclosed_data_center_power_is_counted_not_dropped()
    {
        var cloud = Calculator.Position(Cloud, AsOf, rollUp: false);

        Assert.Equal((0d, 0d, 1, 1, 0), Parts(cloud.OwnedOperational.Range));
        Assert.Equal("undisclosed", cloud.OwnedOperational.Text);
        Assert.Equal((0d, 0d, 1, 1, 0), Parts(cloud.ContractedOut.Range));
    }

    [Fact]
    public void A_deal_that_ended_before_the_as_of_date_no_longer_counts()
    {
        var during = Calculator.Position(Buyer, new DateOnly(2024, 6, 1), rollUp: false);
        var after = Calculator.Position(Buyer, AsOf, rollUp: false);

        Assert.Equal((30d, 30d, 1, 0, 0), Parts(during.ContractedIn.Range));
        Assert.DoesNotContain(after.ContractedIn.Inputs, i => i.Slug == "ended-lease");
    }

    [Fact]
    public void A_deal_announced_after_the_as_of_date_does_not_count_until_it_is_announced()
    {
        var before = Calculator.Position(Lab, AsOf, rollUp: false);
        var after = Calculator.Position(Lab, new DateOnly(2025, 10, 1), rollUp: false);

        Assert.Equal(0, before.ContractedIn.Range.Count);
        // Up to 500 MW: [0, 500].
        Assert.Equal((0d, 500d, 1, 0, 0), Parts(after.ContractedIn.Range));
    }

    [Fact]
    public void Rumored_deals_are_left_out()
    {
        var cloud = Calculator.Position(Cloud, AsOf, rollUp: false);

        Assert.DoesNotContain(cloud.ContractedIn.Inputs, i => i.Slug == "rumor");
    }

    [Fact]
    public void A_parent_rolled_up_includes_its_subsidiary_from_the_date_the_link_took_effect()
    {
        var alone = Calculator.Position(Parent, AsOf, rollUp: false);
        var rolled = Calculator.Position(Parent, AsOf, rollUp: true);
        var beforeMerger = Calculator.Position(Parent, new DateOnly(2025, 4, 1), rollUp: true);

        // Alone: 40 owned, at least 20 out (D6 from 2025-07-01) → at most 20 available (the bottom is open).
        Assert.Equal((20d, 20d, 2, 0, 0), Parts(alone.Available!));
        Assert.True(alone.Available!.IsOpenBelow);
        // Rolled up: owned 40 + 200 + [50, 80]; out 150 + at least 20 → [120, 150], open below (out may be larger).
        Assert.Equal(["lab", "parent"], rolled.Members.Select(m => m.Slug).Order());
        Assert.Equal((120d, 150d), (rolled.Available!.Low, rolled.Available.High));
        Assert.True(rolled.Available!.IsOpenBelow);
        Assert.Equal(["parent"], beforeMerger.Members.Select(m => m.Slug));
        Assert.Equal(40d, beforeMerger.Owned!.High);
    }

    [Fact]
    public void The_rolled_up_league_table_has_no_row_for_a_subsidiary()
    {
        var separate = Calculator.Positions(AsOf, rollUp: false).Select(p => p.Company.Slug).ToList();
        var rolled = Calculator.Positions(AsOf, rollUp: true).Select(p => p.Company.Slug).ToList();

        Assert.Equal(["buyer", "cloud", "lab", "parent"], separate.Order());
        Assert.Equal(["buyer", "cloud", "parent"], rolled.Order());
    }
}
