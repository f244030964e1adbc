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
