using ComputeDeals.Core.Domain;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Deals;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features;

public class DealFilterTests
{
    private static DealFilterParseResult Parse(string query) => DealFilter.Parse(QueryHelpers.ParseQuery(query));

    [Fact]
    public void Every_parameter_round_trips_through_the_query_string()
    {
        var filter = new DealFilter
        {
            Q = "colossus & co",
            Company = "xai",
            Type = DealType.CapacitySaleOrLease,
            Status = DealStatus.Closed,
            From = new DateOnly(2025, 1, 1),
            To = new DateOnly(2026, 12, 31),
            MinValue = 5e9,
            MinMw = 100,
            Sort = DealSort.Value,
            Descending = false,
            Page = 3,
            PageSize = 20,
        };

        var parsed = Parse(filter.ToQueryString());

        Assert.True(parsed.IsValid);
        Assert.Equal(filter, parsed.Filter);
        Assert.Equal(
            "?q=colossus%20%26%20co&company=xai&type=capacitySaleOrLease&status=closed&from=2025-01-01&to=2026-12-31&minValue=5000000000&minMw=100&sort=value&dir=asc&page=3&pageSize=20",
            filter.ToQueryString());
    }

    [Fact]
    public void Defaults_are_left_out_of_the_query_string() =>
        Assert.Equal(string.Empty, DealFilter.Default.ToQueryString());

    [Fact]
    public void Amounts_accept_scale_suffixes() =>
        Assert.Equal((5e9, 300e6), (Parse("minValue=5B").Filter.MinValue!.Value, Parse("minValue=$300M").Filter.MinValue!.Value));

    [Theory]
    [InlineData("type=banana", "type")]
    [InlineData("type=1", "type")]
    [InlineData("status=done", "status")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2026-05-01&to=2026-01-01", "to")]
    [InlineData("minValue=-5", "minValue")]
    [InlineData("minMw=lots", "minMw")]
    [InlineData("company=Not%20A%20Slug", "company")]
    [InlineData("sort=size", "sort")]
    [InlineData("dir=up", "dir")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=100000", "pageSize")]
    public void Bad_values_are_reported_against_their_parameter(string query, string parameter)
    {
        var parsed = Parse(query);

        Assert.False(parsed.IsValid);
        Assert.Contains(parameter, parsed.Errors.Keys);
        Assert.NotEmpty(parsed.Errors[parameter][0]);
    }

    [Fact]
    public void Overlong_text_is_refused() =>
        Assert.Contains("q", Parse("q=" + new string('x', 10_000)).Errors.Keys);
}

public class DealListQueryTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private async Task<DealPage> QueryAsync(DealFilter filter)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DealListQuery>().QueryAsync(filter);
    }

    [Fact]
    public async Task Company_filter_matches_any_role()
    {
        var page = await QueryAsync(new DealFilter { Company = "anthropic" });

        // Colossus 1 (buyer), Amazon compute (customer), Google TPU (customer), Google investment (investee).
        Assert.Equal(4, page.Total);
        Assert.All(page.Items, d => Assert.Contains(d.Parties, p => p.Slug == "anthropic"));
    }

    [Fact]
    public async Task Minimum_value_and_date_range_filter_in_sql_and_count_undisclosed()
    {
        var page = await QueryAsync(new DealFilter { MinValue = 20e9, From = new DateOnly(2026, 1, 1) });

        Assert.Equal(["google-anthropic-investment-2026", "amazon-anthropic-compute-2026"], page.Items.Select(d => d.Slug));
        var all = await QueryAsync(DealFilter.Default);
        Assert.Equal((15, 2), (all.Total, all.UndisclosedValueCount));
    }

    [Fact]
    public async Task Sorting_by_value_puts_undisclosed_last_and_paging_covers_every_row_once()
    {
        var slugs = new List<string>();
        for (var page = 1; page <= 4; page++)
        {
            var result = await QueryAsync(new DealFilter { Sort = DealSort.Value, PageSize = 4, Page = page });
            slugs.AddRange(result.Items.Select(d => d.Slug));
        }

        Assert.Equal(15, slugs.Count);
        Assert.Equal(15, slugs.Distinct().Count());
        Assert.Equal("openai-nvidia-loi-2025", slugs[0]);
        Assert.Equal(["spacex-xai-cursor-partnership", "spacex-xai-merger"], slugs[^2..].Order());
    }
}
