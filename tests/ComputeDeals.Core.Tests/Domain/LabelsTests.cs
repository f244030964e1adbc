using ComputeDeals.Core.Domain;

namespace ComputeDeals.Core.Tests.Domain;

public class LabelsTests
{
    [Fact]
    public void Machine_time_is_utc_with_exactly_three_fraction_digits()
    {
        // 14:03:00.1234567 at +02:00 is 12:03:00.123 UTC; the ticks below a millisecond are cut, not rounded up.
        var at = new DateTimeOffset(2026, 5, 6, 14, 3, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);

        Assert.Equal("2026-05-06T12:03:00.123Z", Labels.MachineTime(at));
    }

    [Fact]
    public void A_moment_reads_in_utc_to_the_minute_and_its_day_as_a_date()
    {
        var at = new DateTimeOffset(2026, 5, 6, 1, 3, 59, TimeSpan.FromHours(2));

        Assert.Equal("5 May 2026 23:03 UTC", Labels.Moment(at));
        Assert.Equal("5 May 2026", Labels.Day(at));
        Assert.Equal(Labels.Date(new DateOnly(2026, 5, 5), DatePrecision.Day), Labels.Day(at));
    }

    [Theory]
    [InlineData(ChangeAction.Create, "created", "Created")]
    [InlineData(ChangeAction.Unpublish, "unpublished", "Unpublished")]
    [InlineData(ChangeAction.Restore, "restored", "Restored")]
    public void A_change_action_has_one_label(ChangeAction action, string label, string capitalized)
    {
        Assert.Equal(label, Labels.Of(action));
        Assert.Equal(capitalized, Labels.Capitalized(Labels.Of(action)));
    }

    [Theory]
    [InlineData(0, "0 data centers")]
    [InlineData(1, "1 data center")]
    [InlineData(2, "2 data centers")]
    [InlineData(94900, "94,900 data centers")]
    public void A_count_agrees_with_its_noun_and_groups_thousands(int count, string expected) =>
        Assert.Equal(expected, Labels.Count(count, "data center", "data centers"));
}
