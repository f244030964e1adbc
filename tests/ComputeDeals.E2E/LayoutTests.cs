using System.Globalization;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Releases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ComputeDeals.E2E;

/// <summary>
/// No page scrolls sideways on a laptop (1280 px) or a small phone (360 px): wide tables scroll
/// inside their own container, everything else reflows. Every public page and every editor page.
/// </summary>
public sealed class LayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Deal = "openai-coreweave-2025-05";

    public static readonly TheoryData<int> Widths = new(1280, 360);

    /// <summary>Every public page (one of each kind of permalink, an as-recorded version, a release, the error pages).</summary>
    private static IReadOnlyList<string> PublicPages(string releaseId) =>
    [
        "/", "/deals", "/deals?view=month", $"/deals/{Deal}", $"/deals/{Deal}?asOf={DateTime.UtcNow:yyyy-MM-dd}",
        "/companies", "/companies/openai", "/companies/xai", "/datacenters", "/datacenters/colossus-1", "/datacenters/barber-lake",
        "/analytics", "/network", "/data", $"/data/releases/{releaseId}", "/data/releases/no-such-release", "/deals?release=no-such-release",
        "/search?q=openai", $"/suggest/deals/{Deal}", "/account/login", "/no-such-page",
    ];

    private static readonly string[] EditorPages =
    [
        "/editor", "/editor/changes", "/editor/suggestions", "/editor/import",
        "/editor/deals/new", "/editor/companies/new", "/editor/datacenters/new", "/editor/valuations/new",
        "/editor/deals/1", "/editor/companies/1", "/editor/datacenters/1", "/admin/releases", "/admin/users",
    ];

    /// <summary>The page's horizontal overflow in CSS pixels (0 when none), and the elements that stick out past the right edge.</summary>
    private static Task<string[]> OverflowAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
          const width = window.innerWidth;
          const scroller = document.scrollingElement;
          if (scroller.scrollWidth <= width) return [];
          const culprits = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5)
            .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 0.5)
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right));
          return ['scrollWidth ' + scroller.scrollWidth + ' > innerWidth ' + width, ...culprits];
        }
        """);

    private async Task<List<string>> VisitAsync(IPage page, IEnumerable<string> paths, int width)
    {
        await page.SetViewportSizeAsync(width, 800);
        var problems = new List<string>();
        foreach (var path in paths)
        {
            // Network idle: editor pages have connected and rendered interactively by then.
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            var overflow = await OverflowAsync(page);
            if (overflow.Length > 0)
            {
                problems.Add($"{path} at {width}px: {string.Join("; ", overflow)}");
            }
        }

        return problems;
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task No_public_page_scrolls_sideways(int width)
    {
        string releaseId;
        using (var scope = browser.App.Services.CreateScope())
        {
            var releases = scope.ServiceProvider.GetRequiredService<ReleaseService>();
            releaseId = await releases.LatestIdAsync() ?? (await releases.CreateAsync("layout test")).Id;
        }

        var page = await browser.NewPageAsync();
        var problems = await VisitAsync(page, PublicPages(releaseId), width);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task At_1280_px_every_table_of_the_public_pages_shows_all_its_columns_without_scrolling()
    {
        // /analytics is checked in both themes by At_1280_px_every_table_of_analytics_fits_and_at_360_px_nothing_scrolls_sideways.
        string[] paths =
        [
            "/", "/deals", "/deals?view=table", $"/deals/{Deal}", "/companies", "/companies/openai", "/companies/xai",
            "/datacenters", "/datacenters/colossus-1", "/datacenters/barber-lake", "/network", "/data",
        ];
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        var problems = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);

            // Closed <details> (the timeline's chart data) are opened first: their tables count too.
            problems.AddRange(await page.EvaluateAsync<string[]>("""
                () => {
                  document.querySelectorAll('details').forEach(d => d.open = true);
                  return [...document.querySelectorAll('table')]
                    .map(t => t.closest('.cd-table-scroll, .mud-table-container') ?? t)
                    .filter(box => box.scrollWidth > box.clientWidth + 1)
                    .map(box => location.pathname + location.search + ': ' + (box.querySelector('table')?.id || box.className) + ' needs ' + box.scrollWidth + ' px in ' + box.clientWidth);
                }
                """));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Each table that is wider than its scroll container (a cut-off column at this width), after opening every
    /// closed &lt;details&gt;: the table's own width and its container's scroll width against the container's width.
    /// </summary>
    private static Task<string[]> CutOffTablesAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
          document.querySelectorAll('details').forEach(d => d.open = true);
          return [...document.querySelectorAll('table')]
            .map(t => ({ table: t, box: t.closest('.cd-table-scroll, .mud-table-container') ?? t.parentElement }))
            .filter(({ table, box }) => box.scrollWidth > box.clientWidth + 1 || table.scrollWidth > box.clientWidth + 1)
            .map(({ table, box }) => location.pathname + location.search + ': ' + (table.id || table.className || box.className)
              + ' needs ' + Math.max(box.scrollWidth, table.scrollWidth) + ' px in ' + box.clientWidth);
        }
        """);

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task At_1280_px_every_table_of_analytics_fits_and_at_360_px_nothing_scrolls_sideways(string theme)
    {
        // Today, a past date with subsidiaries rolled up and the whole league table, and a "why this number" panel open.
        string[] paths =
        [
            "/analytics", "/analytics?asOf=2026-06-01&rollup=true&league=all",
            "/analytics?asOf=2026-06-01&companies=xai,coreweave,anthropic,openai&why=anthropic:available",
        ];
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/theme?mode={theme}&returnUrl=%2Fanalytics");
        await Assertions.Expect(page.Locator(theme == "dark" ? ".mud-layout.cd-dark" : ".mud-layout.cd-light")).ToHaveCountAsync(1);

        await page.SetViewportSizeAsync(1280, 800);
        var problems = new List<string>();
        var tables = 0;
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator(theme == "dark" ? ".mud-layout.cd-dark" : ".mud-layout.cd-light")).ToHaveCountAsync(1);
            tables += await page.Locator("table").CountAsync();
            problems.AddRange(await CutOffTablesAsync(page));
        }

        // The league, valuation, deal-value and chart-data tables are all there to be measured.
        Assert.True(tables >= 3 * paths.Length, $"only {tables} tables on {paths.Length} pages");
        problems.AddRange(await VisitAsync(page, paths, 1280));
        problems.AddRange(await VisitAsync(page, paths, 360));

        // The valuation-per-MW embed's table fits the embed code's default 600 px iframe too.
        var embed = $"/embed/charts/valuation-per-mw?asOf=2026-06-01&companies=xai,coreweave,anthropic,openai&theme={theme}";
        await page.SetViewportSizeAsync(ComputeDeals.Web.Features.Embeds.EmbedSnippet.DefaultWidth, 720);
        await page.GotoAsync(embed);
        await Assertions.Expect(page.Locator("#embed-chart-values tbody tr")).ToHaveCountAsync(4);
        problems.AddRange(await CutOffTablesAsync(page));
        problems.AddRange(await VisitAsync(page, [embed], ComputeDeals.Web.Features.Embeds.EmbedSnippet.DefaultWidth));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task No_editor_page_scrolls_sideways(int width)
    {
        var email = string.Create(CultureInfo.InvariantCulture, $"e2e-layout-{width}@example.com");
        await browser.App.CreateUserAsync(email, "Admin");
        var page = await browser.NewPageAsync();
        await EditorSignIn.OpenAsAsync(page, email, "/editor/deals/new");
        var problems = await VisitAsync(page, EditorPages, width);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
