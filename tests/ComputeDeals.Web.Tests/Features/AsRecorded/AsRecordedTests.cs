using System.Net;
using System.Security.Claims;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.AsRecorded;

/// <summary>The app on a hand-moved clock that starts (and seeds) on 1 May 2026 at 10:00 UTC.</summary>
public sealed class ClockedAppFactory : TestAppFactory
{
    public ClockedAppFactory() => WithServices(services => services.AddSingleton<TimeProvider>(Clock));

    public SettableClock Clock { get; } = new(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero));
}

public class AsRecordedTests(ClockedAppFactory app) : IClassFixture<ClockedAppFactory>
{
    private const string Slug = "openai-coreweave-2025-05";

    private async Task<ClaimsPrincipal> EditorAsync()
    {
        var id = await app.CreateUserAsync("as-recorded-editor@example.com", "Editor");
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, "as-recorded-editor@example.com")], "test"));
    }

    private static Dictionary<string, string> Shown(AngleSharp.Html.Dom.IHtmlDocument page) => new()
    {
        ["title"] = page.QuerySelector("h1")!.TextContent.Trim(),
        ["value"] = page.QuerySelector(".cd-figure[data-figure=value] .cd-figure-text")!.TextContent.Trim(),
        ["capacity"] = page.QuerySelector(".cd-figure[data-figure=capacity] .cd-figure-text")!.TextContent.Trim(),
        ["accelerators"] = page.QuerySelector(".cd-figure[data-figure=accelerators] .cd-figure-text")!.TextContent.Trim(),
    };

    [Fact]
    public async Task Render_edit_render_asOf_shows_what_the_page_showed_then_with_what_changed_since()
    {
        var before = Shown(await app.GetPageAsync($"/deals/{Slug}"));

        app.Clock.Set(new DateTimeOffset(2026, 6, 15, 9, 30, 0, TimeSpan.Zero));
        var scope = app.Services.CreateScope();
        var editor = scope.ServiceProvider.GetRequiredService<DealEditor>();
        var deal = (await editor.LoadBySlugAsync(Slug))!;
        deal.Title = "OpenAI and CoreWeave expand (retitled)";
        deal.Value = Figure.Exact(99e9);
        deal.Capacity = Figure.AtLeast(777);
        Assert.Equal(EditOutcome.Saved, (await editor.SaveAsync(await EditorAsync(), deal)).Outcome);

        var now = Shown(await app.GetPageAsync($"/deals/{Slug}"));
        Assert.NotEqual(before["value"], now["value"]);
        Assert.NotEqual(before["capacity"], now["capacity"]);

        var recorded = await app.GetPageAsync($"/deals/{Slug}?asOf=2026-05-01");
        Assert.Equal(before, Shown(recorded));
        var banner = recorded.QuerySelector(".cd-as-recorded-banner")!;
        Assert.Contains("As recorded on 1 May 2026", banner.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/deals/{Slug}", banner.QuerySelector("a[data-link=current]")?.GetAttribute("href"));
        Assert.NotNull(banner.QuerySelector("a[data-link=changes][href='#changes-since']"));
        var since = recorded.QuerySelector("#changes-since")!.TextContent;
        Assert.Contains("Value", since, StringComparison.Ordinal);
        Assert.Contains("Capacity", since, StringComparison.Ordinal);

        // The day of the edit shows the edited version, and no changes since.
        var later = await app.GetPageAsync($"/deals/{Slug}?asOf=2026-06-15");
        Assert.Equal(now, Shown(later));
        Assert.NotNull(later.QuerySelector("[data-link=unchanged]"));

        // The history list links each published version, and each link shows that version.
        var current = await app.GetPageAsync($"/deals/{Slug}");
        var links = current.QuerySelectorAll("a.cd-history-version").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, links.Count);
        Assert.Equal(now, Shown(await app.GetPageAsync(links[0])));
        Assert.Equal(before, Shown(await app.GetPageAsync(links[1])));
    }

    [Fact]
    public async Task Before_the_record_existed_and_never_published_drafts_are_404()
    {
        var client = app.NoRedirects();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/deals/{Slug}?asOf=2026-04-30", UriKind.Relative))).StatusCode);

        var scope = app.Services.CreateScope();
        var editor = scope.ServiceProvider.GetRequiredService<DealEditor>();
        var draft = editor.NewDraft();
        draft.Title = "A draft nobody may see";
        draft.Slug = "as-recorded-secret-draft";
        await using (var db = app.CreateDbContext())
        {
            var seller = await db.Companies.Where(c => c.Slug == "xai").Select(c => c.Id).SingleAsync();
            var buyer = await db.Companies.Where(c => c.Slug == "anthropic").Select(c => c.Id).SingleAsync();
            draft.Parties = [new DealParty { CompanyId = seller, Role = PartyRole.Seller }, new DealParty { CompanyId = buyer, Role = PartyRole.Buyer }];
        }

        var saved = await editor.SaveAsync(await EditorAsync(), draft);
        Assert.Equal(EditOutcome.Saved, saved.Outcome);

        foreach (var query in new[] { "asOf=2026-05-01", "asOf=2030-01-01", $"asOf={Uri.EscapeDataString(app.Clock.GetUtcNow().AddDays(1).ToString("o"))}" })
        {
            var response = await client.GetAsync(new Uri($"/deals/as-recorded-secret-draft?{query}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("A draft nobody may see", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Companies_and_data_centers_answer_asOf_and_bad_dates_or_releases_get_clear_errors()
    {
        var company = await app.GetPageAsync("/companies/cursor?asOf=2026-05-02");
        Assert.Contains("As recorded on 2 May 2026", company.QuerySelector(".cd-as-recorded-banner")!.TextContent, StringComparison.Ordinal);
        var center = await app.GetPageAsync("/datacenters/barber-lake?asOf=2026-05-02");
        Assert.NotNull(center.QuerySelector(".cd-as-recorded-banner"));

        var client = app.NoRedirects();
        var bad = await client.GetAsync(new Uri($"/deals/{Slug}?asOf=yesterday", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("YYYY-MM-DD", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await client.GetAsync(new Uri($"/deals/{Slug}?release=1999-01-01.1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        // The 404 keeps its reason (the status-code page does not replace it).
        var message = (await PageClient.ParseAsync(await unknown.Content.ReadAsStringAsync())).QuerySelector("[data-error=moment]");
        Assert.Equal("There is no release \"1999-01-01.1\". The list of releases is at /data.", message?.TextContent.Trim());
    }
}
