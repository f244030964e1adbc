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
}
