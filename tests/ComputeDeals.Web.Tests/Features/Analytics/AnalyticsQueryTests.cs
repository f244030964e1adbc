using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Analytics;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Analytics;

/// <summary>The analytics on the seed data, through the public service (read model), against numbers worked out by hand from SEED-FACTS.</summary>
public class AnalyticsQueryTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private static readonly DateOnly AfterColossusDeal = new(2026, 6, 1);

    private AnalyticsQuery Service => app.Services.CreateScope().ServiceProvider.GetRequiredService<AnalyticsQuery>();

    [Theory]
    [InlineData(new[] { "xai,coreweave" }, new[] { "xai", "coreweave" })]
    [InlineData(new[] { " xai , ,coreweave,", "anthropic" }, new[] { "xai", "coreweave", "anthropic" })]
    [InlineData(new[] { "", " , " }, new string[0])]
    [InlineData(new string[0], new string[0])]
    public void The_companies_parameter_is_one_list_of_trimmed_slugs_in_order(string[] values, string[] slugs) =>
        Assert.Equal(slugs, ComparedCompanies.Named(values));

    [Theory]
    [MemberData(nameof(ComparedCompaniesCases.Valid), MemberType = typeof(ComparedCompaniesCases))]
    public void A_valid_companies_parameter_compares_the_companies_it_names(string query, string[] slugs)
    {
        var compared = Service.Compare(Companies(query));

        Assert.Null(compared.Error);
        Assert.Equal(slugs, compared.Slugs);
    }

    [Theory]
    [MemberData(nameof(ComparedCompaniesCases.Invalid), MemberType = typeof(ComparedCompaniesCases))]
    public void An_invalid_companies_parameter_gives_one_message_and_compares_nothing(string query, string message)
    {
        var compared = Service.Compare(Companies(query));

        Assert.Equal(message, compared.Error);
        Assert.Empty(compared.Companies);
    }

    private static Microsoft.Extensions.Primitives.StringValues Companies(string query) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).GetValueOrDefault("companies");

    [Fact]
    public async Task XAI_has_contracted_out_300_MW_after_the_Colossus_1_deal()
    {
        var xai = await Service.CompanyPositionAsync("xai", AfterColossusDeal);

        Assert.NotNull(xai);
        // "Over 300 MW": the floor is 300, and the one input is open-ended.
        Assert.Equal((300d, 300d, 1, 0), (xai.ContractedOut.Range.Low, xai.ContractedOut.Range.High, xai.ContractedOut.Range.Count, xai.ContractedOut.Range.UndisclosedCount));
        Assert.Equal("xai-anthropic-colossus-1", xai.ContractedOut.Inputs.Single().Slug);
        // Owned: Colossus 1 (at least 300) + Colossus 2 (~661 est.) = 961; available 961 − 300 = 661.
        Assert.Equal(961d, xai.Owned!.Low);
        Assert.Equal(661d, xai.Available!.Low);
    }

    [Fact]
    public async Task XAI_had_nothing_contracted_out_the_day_before_the_deal()
    {
        var xai = await Service.CompanyPositionAsync("xai", new DateOnly(2026, 5, 5));

        Assert.Equal(0, xai!.ContractedOut.Range.Count);
    }

    [Fact]
    public async Task Anthropic_has_contracted_in_at_least_300_MW()
    {
        var anthropic = await Service.CompanyPositionAsync("anthropic", AfterColossusDeal);

        Assert.True(anthropic!.ContractedIn.Range.Low >= 300);
        // Colossus 1 (at least 300) + Amazon (up to 5 GW) + Google TPUs (at least 1 GW) = [1,300, 6,300] MW.
        Assert.Equal((1300d, 6300d), (anthropic.ContractedIn.Range.Low, anthropic.ContractedIn.Range.High));
        Assert.Equal(
            ["amazon-anthropic-compute-2026", "google-anthropic-tpu-2025", "xai-anthropic-colossus-1"],
            anthropic.ContractedIn.Inputs.Select(i => i.Slug).Order());
    }

    [Fact]
    public async Task The_xAI_to_CoreWeave_valuation_ratio_is_at_least_3()
    {
        var comparison = await Service.ValuationsAsync(Service.Compare("xai,coreweave"), AfterColossusDeal, rollUp: false);

        var ratio = comparison.Ratios.Single();
        Assert.Equal(("xai", "coreweave"), (ratio.Numerator.Slug, ratio.Denominator.Slug));
        // xAI about $230B (2026-05-06) over CoreWeave "less than a third of xAI", up to $76,666,666,666:
        // the divisor can be as small as 0, so the ratio is at least 230e9 / 76,666,666,666 and open above.
        Assert.Equal(230e9 / 76_666_666_666, ratio.Ratio!.Low, 9);
        Assert.True(ratio.Ratio.IsOpenEnded);
    }

    [Fact]
    public async Task Rolled_up_SpaceX_carries_xAI_capacity_and_xAI_has_no_row_of_its_own()
    {
        var rolled = await Service.CapacityAsync(AfterColossusDeal, rollUp: true);
        var separate = await Service.CapacityAsync(AfterColossusDeal, rollUp: false);

        var spacex = rolled.Single(p => p.Company.Slug == "spacex");
        Assert.Equal(["spacex", "xai"], spacex.Members.Select(m => m.Slug).Order());
        Assert.Equal(300d, spacex.ContractedOut.Range.Low);
        Assert.DoesNotContain(rolled, p => p.Company.Slug == "xai");
        Assert.Contains(separate, p => p.Company.Slug == "xai");
        Assert.DoesNotContain(separate, p => p.Company.Slug == "spacex");
    }

    [Fact]
    public async Task One_company_position_matches_its_league_table_row()
    {
        var row = (await Service.CapacityAsync(AfterColossusDeal, rollUp: false)).Single(p => p.Company.Slug == "coreweave");
        var single = await Service.CompanyPositionAsync("coreweave", AfterColossusDeal);

        Assert.Equal(row.ContractedOut.Range, single!.ContractedOut.Range);
        Assert.Equal(row.Available, single.Available);
        // Five CoreWeave contracts state no MW: counted as undisclosed, not as zero.
        Assert.Equal((5, 5), (single.ContractedOut.Range.Count, single.ContractedOut.Range.UndisclosedCount));
        Assert.Equal("undisclosed", single.ContractedOut.Text);
    }

    [Fact]
    public async Task An_unknown_company_has_no_position()
    {
        Assert.Null(await Service.CompanyPositionAsync("no-such-company", AfterColossusDeal));
    }
}
