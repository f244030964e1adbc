using System.Net;
using System.Security.Claims;
using System.Text.Json;
using AngleSharp.Html.Dom;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Features.Releases;
using ComputeDeals.Web.Tests.Features.AsRecorded;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Releases;

/// <summary>?release= on the timeline, /analytics, /network and the JSON API answers from that release.</summary>
public class ReleasePinTests(ClockedAppFactory app) : IClassFixture<ClockedAppFactory>
{
    private const string Slug = "openai-coreweave-2025-05";

    private const string Release = "2026-11-29.1";

    private static string? Row(IHtmlDocument page, string selector) =>
        page.QuerySelectorAll(selector).FirstOrDefault(r => r.QuerySelector($"a[href='/deals/{Slug}']") is not null)?.TextContent.Trim();

    private async Task<(string? Timeline, string? Analytics, bool OnNetwork, string Api, string AnalyticsApi)> ShownAsync(string query)
    {
        var client = app.CreateClient();
        var timeline = await app.GetPageAsync("/deals?company=openai" + (query.Length > 0 ? "&" + query : string.Empty));
        var analytics = await app.GetPageAsync("/analytics?asOf=2026-12-01" + (query.Length > 0 ? "&" + query : string.Empty));
        var network = await app.GetPageAsync("/network?minValue=50B" + (query.Length > 0 ? "&" + query : string.Empty));
        var api = await client.GetStringAsync(new Uri($"/api/v1/deals/{Slug}" + (query.Length > 0 ? "?" + query : string.Empty), UriKind.Relative));
        var analyticsApi = await client.GetStringAsync(new Uri("/api/v1/analytics/deal-value-per-mw?asOf=2026-12-01" + (query.Length > 0 ? "&" + query : string.Empty), UriKind.Relative));
        return (
            Row(timeline, "li.cd-wire-item"),
            Row(analytics, ".cd-deal-values tbody tr"),
            network.QuerySelector($"svg a.cd-flow[href='/deals/{Slug}']") is not null,
            api,
            analyticsApi);
    }

    [Fact]
    public async Task A_pinned_view_keeps_the_released_numbers_after_edits_and_says_which_release_it_is()
    {
        app.Clock.Set(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        using (var scope = app.Services.CreateScope())
        {
            Assert.Equal(Release, (await scope.ServiceProvider.GetRequiredService<ReleaseService>().CreateAsync("test")).Id);
        }

        var before = await ShownAsync(string.Empty);
        Assert.NotNull(before.Timeline);

        // Edit after the release: a much larger value and a capacity.
        app.Clock.Set(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        using (var scope = app.Services.CreateScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<DealEditor>();
            var deal = (await editor.LoadBySlugAsync(Slug))!;
            deal.Value = Figure.Exact(99e9);
            deal.Capacity = Figure.AtLeast(777);
            var user = await app.CreateUserAsync("pin-editor@example.com", "Editor");
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user), new Claim(ClaimTypes.Name, "pin-editor@example.com")], "test"));
            Assert.Equal(EditOutcome.Saved, (await editor.SaveAsync(principal, deal)).Outcome);
        }

        var now = await ShownAsync(string.Empty);
        Assert.Contains("$99B", now.Timeline, StringComparison.Ordinal);
        Assert.NotEqual(before.Timeline, now.Timeline);
        Assert.NotEqual(before.Analytics, now.Analytics);
        Assert.NotEqual(before.OnNetwork, now.OnNetwork);
        Assert.NotEqual(before.Api, now.Api);
        Assert.NotEqual(before.AnalyticsApi, now.AnalyticsApi);

        // The same views pinned to the release show exactly what they showed before the edit.
        var pinned = await ShownAsync("release=" + Release);
        Assert.Equal(before, pinned);

        foreach (var url in new[] { "/deals?release=" + Release, "/analytics?release=" + Release, "/network?release=" + Release })
        {
            var page = await app.GetPageAsync(url);
            var banner = page.QuerySelector(".cd-release-banner");
            Assert.NotNull(banner);
            Assert.Contains($"Release {Release}", banner.TextContent, StringComparison.Ordinal);
            Assert.Contains("29 Nov 2026 ", banner.TextContent, StringComparison.Ordinal); // Labels.Moment, as /data lists the release
            Assert.Equal(url.Split('?')[0], banner.QuerySelector("a[data-link=current]")!.GetAttribute("href"));
            Assert.Equal($"/data/releases/{Release}", banner.QuerySelector("a[data-link=release]")!.GetAttribute("href"));
            // Changing a filter keeps the release.
            Assert.Equal(Release, page.QuerySelector("form input[type=hidden][name=release]")?.GetAttribute("value"));
        }

        // Paging, view, filter-removal and download links of a pinned timeline keep the release
        // (the banner's "see the current numbers" link is the one that leaves it).
        var pinnedTimeline = await app.GetPageAsync("/deals?company=openai&pageSize=2&release=" + Release);
        var links = pinnedTimeline.QuerySelectorAll("a[href^='/deals?']:not([data-link=current]), a[href^='/api/v1/deals']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(links, h => h.Contains("page=2", StringComparison.Ordinal));
        Assert.Contains(links, h => h.StartsWith("/api/v1/deals.csv", StringComparison.Ordinal));
        Assert.All(links, h => Assert.Contains("release=" + Release, h, StringComparison.Ordinal));
        Assert.Equal("/deals?company=openai&pageSize=2", pinnedTimeline.QuerySelector(".cd-release-banner a[data-link=current]")!.GetAttribute("href"));

        // Without ?release= there is no banner.
        Assert.Null((await app.GetPageAsync("/analytics")).QuerySelector(".cd-release-banner"));
    }

    [Theory]
    [InlineData("/deals?release=1999-01-01.1")]
    [InlineData("/analytics?release=1999-01-01.1")]
    [InlineData("/network?release=nonsense")]
    [InlineData("/data/releases/nope")]
    public async Task An_unknown_release_on_a_page_is_a_404_that_says_so(string url)
    {
        var response = await app.NoRedirects().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await PageClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("There is no release", page.QuerySelector("[data-error=release]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/data']"));
        // Inside the site's layout: its header with the main navigation, and its footer.
        Assert.NotNull(page.QuerySelector("header nav[aria-label=Main], .cd-appbar nav[aria-label=Main]"));
        Assert.NotNull(page.QuerySelector("footer.cd-footer"));
        Assert.Equal("Unknown release", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("/api/v1/deals?release=1999-01-01.1")]
    [InlineData("/api/v1/analytics/capacity?release=1999-01-01.1")]
    public async Task An_unknown_release_in_the_api_is_a_404_problem(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unknown release", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("1999-01-01.1", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
