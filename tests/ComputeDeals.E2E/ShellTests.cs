using Microsoft.Playwright;

namespace ComputeDeals.E2E;

public class ShellTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_reader_goes_from_the_home_page_to_the_timeline_and_a_company()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Timeline" }).ClickAsync();
        await page.WaitForURLAsync("**/deals");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Deal timeline");
        var row = page.Locator(".cd-wire-item", new() { HasText = "Colossus 1" });
        await Assertions.Expect(row).ToContainTextAsync("at least 300 MW");

        await row.GetByRole(AriaRole.Link, new() { Name = "xAI", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/companies/xai");
    }

    [Fact]
    public async Task The_theme_toggle_switches_to_dark_and_the_choice_sticks()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/companies");

        await page.GetByRole(AriaRole.Link, new() { Name = "Switch to dark theme" }).ClickAsync();
        await page.WaitForURLAsync("**/companies");
        await Assertions.Expect(page.Locator(".mud-layout.cd-dark")).ToBeVisibleAsync();

        await page.GotoAsync("/datacenters");
        await Assertions.Expect(page.Locator(".mud-layout.cd-dark")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_layout_fits_a_phone_without_horizontal_scrolling_of_the_page()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync("/");

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var wide = await page.EvaluateAsync<string>("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361 && e.getBoundingClientRect().right < 400).slice(0, 12).map(e => e.tagName + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right)).join(' | ')");
        Assert.True(scrollWidth <= 360, $"page is {scrollWidth}px wide at 360px: {wide}");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main (compact)" })).ToBeVisibleAsync();
    }
}
