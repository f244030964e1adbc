using System.Net;
using System.Text.Json;
using ComputeDeals.Testing;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Tests.Api;

/// <summary>The app with a rate limit of three API requests an hour per client.</summary>
public sealed class LowRateLimitAppFactory : TestAppFactory
{
    public LowRateLimitAppFactory()
    {
        With("Api:RateLimit:PermitLimit", "3");
        With("Api:RateLimit:WindowSeconds", "3600");
    }
}

public class ApiRateLimitTests(LowRateLimitAppFactory app) : IClassFixture<LowRateLimitAppFactory>
{
    [Fact]
    public async Task Past_the_limit_the_api_answers_429_with_retry_after_and_a_problem_while_pages_still_work()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/companies", UriKind.Relative))).StatusCode);
        }

        var limited = await client.GetAsync(new Uri("/api/v1/deals", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 3600);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("3 requests every 3600 seconds", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(new Uri("/api/v1/deals.csv", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/companies", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }
}

public class ApiCorsAndWriteTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    [Theory]
    [InlineData("/api/v1/deals")]
    [InlineData("/api/v1/deals.csv")]
    [InlineData("/feeds/deals.atom")]
    public async Task A_cross_origin_get_is_allowed_from_any_origin_without_credentials(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Origin", "https://analyst.example");
        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_preflight_allows_get_and_never_lists_delete()
    {
        var client = app.CreateClient();
        using var get = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/deals", UriKind.Relative));
        get.Headers.Add("Origin", "https://analyst.example");
        get.Headers.Add("Access-Control-Request-Method", "GET");
        var allowed = await client.SendAsync(get);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Contains("GET", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);

        using var delete = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/deals", UriKind.Relative));
        delete.Headers.Add("Origin", "https://analyst.example");
        delete.Headers.Add("Access-Control-Request-Method", "DELETE");
        var refused = await client.SendAsync(delete);
        var methods = refused.Headers.TryGetValues("Access-Control-Allow-Methods", out var values) ? string.Join(",", values) : string.Empty;
        Assert.DoesNotContain("DELETE", methods, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_outside_the_api_send_no_cors_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/companies", UriKind.Relative));
        request.Headers.Add("Origin", "https://analyst.example");
        var response = await app.CreateClient().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("POST", "/api/v1/deals")]
    [InlineData("PUT", "/api/v1/deals/xai-anthropic-colossus-1")]
    [InlineData("DELETE", "/api/v1/deals/xai-anthropic-colossus-1")]
    [InlineData("PATCH", "/api/v1/companies/xai")]
    [InlineData("DELETE", "/api/v1/datacenters/colossus-1")]
    [InlineData("POST", "/api/v1/deals.csv")]
    public async Task Write_verbs_are_refused_and_change_nothing(string method, string url)
    {
        await using var before = app.CreateDbContext();
        var deals = await before.Deals.CountAsync();
        var title = (await before.Deals.SingleAsync(d => d.Slug == "xai-anthropic-colossus-1")).Title;

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative))
        {
            Content = new StringContent("""{"title":"hijacked"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        var response = await app.CreateClient().SendAsync(request);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.MethodNotAllowed, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var after = app.CreateDbContext();
        Assert.Equal(deals, await after.Deals.CountAsync());
        Assert.Equal(title, (await after.Deals.SingleAsync(d => d.Slug == "xai-anthropic-colossus-1")).Title);
    }
}
