using System.Net;
using System.Text.Json;
using ComputeDeals.Testing;
using ComputeDeals.Web.Tests.Features.Analytics;

namespace ComputeDeals.Web.Tests.Api;

public class AnalyticsEndpointsTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private async Task<(HttpStatusCode Status, string? ContentType, JsonElement Body)> GetAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    [Fact]
    public async Task Capacity_lists_positions_with_ranges_counts_and_text()
    {
        var (status, _, body) = await GetAsync("/api/v1/analytics/capacity?asOf=2026-06-01");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2026-06-01", body.GetProperty("asOf").GetString());
        var xai = body.GetProperty("positions").EnumerateArray().Single(p => p.GetProperty("company").GetProperty("slug").GetString() == "xai");
        var outMw = xai.GetProperty("contractedOutMw");
        Assert.Equal(300, outMw.GetProperty("low").GetDouble());
        Assert.Equal(300, outMw.GetProperty("high").GetDouble());
        Assert.Equal(1, outMw.GetProperty("count").GetInt32());
        Assert.Equal(0, outMw.GetProperty("undisclosedCount").GetInt32());
        Assert.Equal(1, outMw.GetProperty("openEndedCount").GetInt32());
        Assert.Equal("at least 300 MW", outMw.GetProperty("text").GetString());
        Assert.Equal("aiLab", xai.GetProperty("company").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task One_company_capacity_lists_the_inputs_behind_each_number()
    {
        var (status, _, body) = await GetAsync("/api/v1/analytics/capacity/anthropic?asOf=2026-06-01");

        Assert.Equal(HttpStatusCode.OK, status);
        var inputs = body.GetProperty("contractedInMw").GetProperty("inputs").EnumerateArray().ToList();
        Assert.Equal(3, inputs.Count);
        var colossus = inputs.Single(i => i.GetProperty("slug").GetString() == "xai-anthropic-colossus-1");
        Assert.Equal("deal", colossus.GetProperty("kind").GetString());
        Assert.Equal("http://localhost/api/v1/deals/xai-anthropic-colossus-1", colossus.GetProperty("url").GetString());
        Assert.Equal("http://localhost/deals/xai-anthropic-colossus-1", colossus.GetProperty("permalink").GetString());
        Assert.True(colossus.GetProperty("sources").GetArrayLength() >= 1);
        Assert.Equal("http://localhost/companies/anthropic", body.GetProperty("company").GetProperty("permalink").GetString());
    }

    [Fact]
    public async Task Rolled_up_capacity_puts_xAI_under_SpaceX()
    {
        var (_, _, body) = await GetAsync("/api/v1/analytics/capacity?asOf=2026-06-01&rollup=true");

        var slugs = body.GetProperty("positions").EnumerateArray().Select(p => p.GetProperty("company").GetProperty("slug").GetString()).ToList();
        Assert.Contains("spacex", slugs);
        Assert.DoesNotContain("xai", slugs);
        Assert.True(body.GetProperty("rolledUp").GetBoolean());
    }

    [Fact]
    public async Task Valuations_give_the_xAI_CoreWeave_ratio_above_3()
    {
        var (status, _, body) = await GetAsync("/api/v1/analytics/valuations?companies=xai,coreweave&asOf=2026-06-01");

        Assert.Equal(HttpStatusCode.OK, status);
        var ratio = body.GetProperty("ratios")[0];
        Assert.Equal("xai", ratio.GetProperty("numerator").GetString());
        Assert.True(ratio.GetProperty("ratio").GetProperty("low").GetDouble() > 3);
        Assert.Equal("at least 3×", ratio.GetProperty("ratio").GetProperty("text").GetString());
        var xai = body.GetProperty("companies")[0];
        Assert.Equal(230e9, xai.GetProperty("valuation").GetProperty("amount").GetProperty("high").GetDouble());
        Assert.Equal("privateRound", xai.GetProperty("valuation").GetProperty("basis").GetString());
    }

    [Fact]
    public async Task Deal_value_per_MW_uses_the_value_period()
    {
        var (status, _, body) = await GetAsync("/api/v1/analytics/deal-value-per-mw?asOf=2026-06-01");

        Assert.Equal(HttpStatusCode.OK, status);
        var barberLake = body.GetProperty("deals").EnumerateArray().Single(d => d.GetProperty("deal").GetProperty("slug").GetString() == "cipher-fluidstack-barber-lake");
        // ~$3B over 168 MW = $17.86M per MW; over 10 years $300M a year → $1.79M per MW per year.
        Assert.Equal(3e9 / 168, barberLake.GetProperty("valuePerMw").GetProperty("low").GetDouble(), 0);
        Assert.Equal(3e8 / 168, barberLake.GetProperty("annualValuePerMw").GetProperty("high").GetDouble(), 0);
        Assert.Equal("$17.9M/MW", barberLake.GetProperty("valuePerMw").GetProperty("text").GetString());
        // Parties and enums as in every other group: one converter, objects with absolute links.
        Assert.Equal("total", barberLake.GetProperty("valuePeriod").GetString());
        Assert.All(barberLake.GetProperty("parties").EnumerateArray(), p => Assert.StartsWith("http://localhost/companies/", p.GetProperty("permalink").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quarterly_totals_group_by_quarter_and_type()
    {
        var (status, _, body) = await GetAsync("/api/v1/analytics/quarterly?asOf=2026-06-01");

        Assert.Equal(HttpStatusCode.OK, status);
        var q2 = body.GetProperty("quarters").EnumerateArray()
            .Single(q => q.GetProperty("quarter").GetString() == "Q2 2026" && q.GetProperty("type").GetString() == "cloudCommitment");
        // The Amazon–Anthropic deal alone: $5B, up to $25B; up to 5 GW.
        Assert.Equal(1, q2.GetProperty("dealCount").GetInt32());
        var deal = Assert.Single(q2.GetProperty("deals").EnumerateArray());
        Assert.Equal(("amazon-anthropic-compute-2026", "cloudCommitment", "http://localhost/deals/amazon-anthropic-compute-2026"),
            (deal.GetProperty("slug").GetString(), deal.GetProperty("type").GetString(), deal.GetProperty("permalink").GetString()));
        Assert.Equal((5e9, 25e9), (q2.GetProperty("value").GetProperty("low").GetDouble(), q2.GetProperty("value").GetProperty("high").GetDouble()));
    }

    [Theory]
    [InlineData("/api/v1/analytics/capacity?asOf=yesterday", "asOf")]
    [InlineData("/api/v1/analytics/capacity?rollup=maybe", "rollup")]
    [InlineData("/api/v1/analytics/quarterly?asOf=2026-13-01", "asOf")]
    [InlineData("/api/v1/analytics/valuations?companies=xai,nobody", "companies")]
    [InlineData("/api/v1/analytics/valuations?companies=xai&asOf=2026-6-1", "asOf")]
    public async Task Bad_parameters_give_a_400_problem_naming_the_parameter(string url, string parameter)
    {
        var (status, contentType, body) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.True(body.GetProperty("errors").TryGetProperty(parameter, out var messages));
        Assert.NotEmpty(messages[0].GetString()!);
    }

    [Theory]
    [InlineData("asOf=June", "asOf", "'June' is not a date: use YYYY-MM-DD, such as 2026-06-01.")]
    [InlineData("asOf=2026-6-1", "asOf", "'2026-6-1' is not a date: use YYYY-MM-DD, such as 2026-06-01.")]
    [InlineData("rollup=maybe", "rollup", "'maybe' is not a flag: use true or false.")]
    public async Task A_bad_date_or_flag_gets_the_same_message_from_every_report_and_analytics_embed(string query, string parameter, string message)
    {
        foreach (var url in new[]
                 {
                     "/api/v1/analytics/capacity", "/api/v1/analytics/valuations", "/embed/charts/capacity-by-company",
                     "/embed/charts/valuation-per-mw", "/embed/charts/deal-value-per-mw",
                 })
        {
            var (status, contentType, body) = await GetAsync(url + "?" + query);

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("application/problem+json", contentType);
            Assert.Equal([message], body.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(m => m.GetString()));
        }
    }

    [Theory]
    [MemberData(nameof(ComparedCompaniesCases.Valid), MemberType = typeof(ComparedCompaniesCases))]
    public async Task Valuations_compare_the_companies_the_rule_resolves(string query, string[] slugs)
    {
        var (status, _, body) = await GetAsync("/api/v1/analytics/valuations" + ComparedCompaniesCases.At(query));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(slugs, body.GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("company").GetProperty("slug").GetString()));
        // Every pair, in the order named.
        Assert.Equal(slugs.Length * (slugs.Length - 1) / 2, body.GetProperty("ratios").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(ComparedCompaniesCases.Invalid), MemberType = typeof(ComparedCompaniesCases))]
    public async Task Valuations_of_a_bad_company_list_give_a_400_problem_with_the_rules_message(string query, string message)
    {
        var (status, contentType, body) = await GetAsync("/api/v1/analytics/valuations" + ComparedCompaniesCases.At(query));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal([message], body.GetProperty("errors").GetProperty("companies").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task An_unknown_company_gives_a_404_problem()
    {
        var (status, contentType, _) = await GetAsync("/api/v1/analytics/capacity/nobody");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", contentType);
    }
}
