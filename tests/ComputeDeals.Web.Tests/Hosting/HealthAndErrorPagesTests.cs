using System.Net;
using System.Text.Json;
using ComputeDeals.Testing;

namespace ComputeDeals.Web.Tests.Hosting;

public class HealthAndErrorPagesTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    [Fact]
    public async Task Health_reports_a_migrated_database()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal(0, database.GetProperty("data").GetProperty("pendingMigrations").GetInt32());
        Assert.Equal(15, database.GetProperty("data").GetProperty("deals").GetInt32());
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/companies/no/such/thing")]
    public async Task Unknown_urls_get_the_not_found_page_with_status_404(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We could not find that page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_make_no_external_font_or_cdn_request()
    {
        var html = await app.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.DoesNotContain("fonts.googleapis", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://cdn", html, StringComparison.Ordinal);
        Assert.Contains("site-base.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Theme_choice_is_kept_in_a_cookie_and_only_redirects_locally()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var local = await client.GetAsync(new Uri("/theme?mode=dark&returnUrl=%2Fdeals", UriKind.Relative));
        var offsite = await client.GetAsync(new Uri("/theme?mode=dark&returnUrl=https%3A%2F%2Fevil.example%2F", UriKind.Relative));
        var protocolRelative = await client.GetAsync(new Uri("/theme?mode=dark&returnUrl=%2F%2Fevil.example", UriKind.Relative));

        Assert.Equal("/deals", local.Headers.Location?.OriginalString);
        Assert.Contains(local.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cd-theme=dark", StringComparison.Ordinal));
        Assert.Equal("/", offsite.Headers.Location?.OriginalString);
        Assert.Equal("/", protocolRelative.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/deals/xai-anthropic-colossus-1")]
    [InlineData("/api/v1/deals")]
    public async Task Head_requests_are_answered_like_get(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative));

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Head_on_an_unknown_page_is_still_not_found()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("/deals/no-such-deal", UriKind.Relative));

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
