using ComputeDeals.Core.Domain;

namespace ComputeDeals.Core.Tests.Domain;

public class DataCenterLocationTests
{
    [Theory]
    [InlineData("Memphis", "Tennessee", "US", "Memphis, Tennessee, US")]
    [InlineData(null, "Saskatchewan", "CA", "Saskatchewan, CA")]
    [InlineData("Abilene", " ", "US", "Abilene, US")]
    [InlineData("Abilene", "Texas", "", "Abilene, Texas")]
    [InlineData(null, null, null, "")]
    public void The_location_is_city_region_country_with_blank_parts_left_out(string? city, string? region, string? country, string expected)
    {
        var center = new DataCenter { Name = "X", Slug = "x", City = city, Region = region, Country = country };

        Assert.Equal(expected, DataCenter.LocationOf(city, region, country));
        Assert.Equal(expected, center.Location);
    }
}

public class CapacityTimelineAnyShapeTests
{
    private sealed record Row(int Id, DateOnly Date, string Name);

    [Fact]
    public void The_row_in_force_is_the_latest_on_or_before_the_date_and_the_later_entry_on_a_tie()
    {
        // Out of order on purpose: the rule does not rely on the order rows come in.
        Row[] rows = [new(7, new(2026, 3, 1), "march, entered later"), new(9, new(2026, 6, 1), "june"), new(3, new(2026, 3, 1), "march"), new(1, new(2025, 1, 1), "old")];

        Assert.Null(CapacityTimeline.At(rows, new DateOnly(2024, 12, 31), r => r.Date, r => r.Id));
        Assert.Equal("old", CapacityTimeline.At(rows, new DateOnly(2026, 2, 28), r => r.Date, r => r.Id)!.Name);
        Assert.Equal("march, entered later", CapacityTimeline.At(rows, new DateOnly(2026, 3, 1), r => r.Date, r => r.Id)!.Name);
        Assert.Equal("march, entered later", CapacityTimeline.At(rows, new DateOnly(2026, 5, 31), r => r.Date, r => r.Id)!.Name);
        Assert.Equal("june", CapacityTimeline.At(rows, new DateOnly(2030, 1, 1), r => r.Date, r => r.Id)!.Name);
    }
}

public class PartyReadingSideTests
{
    [Theory]
    [InlineData(PartyRole.Seller, 0)]
    [InlineData(PartyRole.Provider, 0)]
    [InlineData(PartyRole.Investor, 0)]
    [InlineData(PartyRole.Acquirer, 0)]
    [InlineData(PartyRole.Buyer, 1)]
    [InlineData(PartyRole.Customer, 1)]
    [InlineData(PartyRole.Investee, 1)]
    [InlineData(PartyRole.Target, 1)]
    [InlineData(PartyRole.Partner, 2)]
    public void Givers_read_first_then_receivers_then_partners(PartyRole role, int side) => Assert.Equal(side, Labels.ReadingSide(role));
}

public class MachineDateTests
{
    [Theory]
    [InlineData(DatePrecision.Day, "2026-05-06", "6 May 2026")]
    [InlineData(DatePrecision.Month, "2026-05", "May 2026")]
    [InlineData(DatePrecision.Year, "2026", "2026")]
    public void A_date_is_as_precise_for_machines_as_for_people(DatePrecision precision, string machine, string person)
    {
        var date = new DateOnly(2026, 5, 6);

        Assert.Equal(machine, Labels.MachineDate(date, precision));
        Assert.Equal(person, Labels.Date(date, precision));
    }
}
