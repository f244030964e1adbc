using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComputeDeals.E2E;

/// <summary>
/// The charts in a real browser: every chart page draws its charts in both themes, at 360 px and at
/// 1280 px, with no console error, no horizontal page overflow, and the charts as wide as the content.
/// </summary>
public class ChartTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string> Pages() => new()
    {
        { "/datacenters/colossus-1", "light" }, { "/datacenters/colossus-1", "dark" },
        { "/companies/xai", "light" }, { "/companies/xai", "dark" },
        { "/deals", "light" }, { "/deals", "dark" },
        { "/analytics", "light" }, { "/analytics", "dark" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Charts_render_in_the_theme_at_phone_and_desktop_width_without_errors_or_overflow(string url, string theme)
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync($"/theme?mode={theme}&returnUrl={Uri.EscapeDataString(url)}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(page.Locator(theme == "dark" ? ".mud-layout.cd-dark" : ".mud-layout.cd-light")).ToHaveCountAsync(1);

        foreach (var width in new[] { 360, 1280 })
        {
            await page.SetViewportSizeAsync(width, 800);
            var charts = page.Locator("figure.cd-chart");
            await Expect(charts.First).ToBeVisibleAsync();
            var count = await charts.CountAsync();
            Assert.True(count >= 1, $"{url}: no chart");
            for (var i = 0; i < count; i++)
            {
                var chart = charts.Nth(i);
                await chart.ScrollIntoViewIfNeededAsync();
                var id = await chart.GetAttributeAsync("id");

                // Drawn: the SVG has a size, it has shapes, and its text is laid out inside the figure.
                var svg = await chart.Locator("svg.cd-chart-svg").BoundingBoxAsync();
                Assert.NotNull(svg);
                Assert.True(svg.Height > 30, $"{url} #{id} at {width}px: svg {svg.Width}×{svg.Height}");
                Assert.True(await chart.Locator("path:not(.cd-chart-grid)").CountAsync() > 0, $"{url} #{id}: no shape drawn");

                // As wide as the content it sits in.
                var fill = await chart.EvaluateAsync<double>("f => f.getBoundingClientRect().width / f.parentElement.getBoundingClientRect().width");
                Assert.True(fill > 0.97, $"{url} #{id} at {width}px: figure is {fill:P0} of its container");

                // Marks take the theme's colour: a solid shape is filled with the tone of that theme.
                var fillColour = await chart.EvaluateAsync<string>("f => { const s = f.querySelector('path.cd-chart-area, path.cd-chart-stroke:not(.cd-chart-grid)'); const c = getComputedStyle(s); return s.classList.contains('cd-chart-area') ? c.fill : c.stroke; }");
                var expected = await chart.EvaluateAsync<string>("f => { const s = f.querySelector('path.cd-chart-area, path.cd-chart-stroke:not(.cd-chart-grid)'); const probe = document.createElement('span'); probe.style.color = getComputedStyle(s).getPropertyValue('--cd-tone'); f.appendChild(probe); const c = getComputedStyle(probe).color; probe.remove(); return c; }");
                Assert.Equal(expected, fillColour);
            }

            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"{url} ({theme}) is {scrollWidth}px wide at {width}px");
        }

        // Every id on the page once (the old charts repeated theirs).
        var duplicates = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('[id]')].map(e => e.id).filter((id, i, all) => all.indexOf(id) !== i)");
        Assert.Empty(duplicates);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Dates_seven_months_apart_are_half_as_far_as_fifteen_months_on_colossus_1_in_the_browser()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(360, 800);
        await page.GotoAsync("/datacenters/colossus-1");

        async Task<double> X(string key) =>
            await page.Locator($"#capacity-chart .cd-chart-dot[data-key='{key}']").EvaluateAsync<double>("d => { const r = d.getBoundingClientRect(); return r.left + r.width / 2; }");
        var (a, b, c) = (await X("2024-07-01"), await X("2025-02-01"), await X("2026-05-06"));

        // 215 days, then 459 days.
        Assert.Equal(215.0 / 459, (b - a) / (c - b), 2);
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_quarter_embed_has_one_title_and_fits_its_iframe_height_without_blank_space(string theme)
    {
        var page = await browser.NewPageAsync();
        var height = ComputeDeals.Web.Features.Embeds.EmbedSnippet.HeightFor("/embed/charts/deals-by-quarter");
        await page.SetViewportSizeAsync(ComputeDeals.Web.Features.Embeds.EmbedSnippet.DefaultWidth, height);
        await page.GotoAsync($"/embed/charts/deals-by-quarter?theme={theme}");

        // The title once: no second heading repeating it above the charts.
        await Expect(page.GetByRole(AriaRole.Heading)).ToHaveCountAsync(1);
        await Expect(page.Locator("figure.cd-chart")).ToHaveCountAsync(2);

        // The iframe height of the embed code holds all of it without scrolling, and the footer follows the
        // charts instead of sitting under a blank stretch: less than 5 lines of text between them.
        Assert.True(await page.EvaluateAsync<bool>("document.scrollingElement.scrollHeight <= innerHeight"),
            $"the embed scrolls in its {height}px iframe");
        var gap = await page.EvaluateAsync<double>(
            "document.querySelector('.cd-embed-footer').getBoundingClientRect().top - document.querySelector('.cd-embed-body').lastElementChild.getBoundingClientRect().bottom");
        Assert.True(gap < 80, $"{gap}px of blank space above the footer");
    }
}
