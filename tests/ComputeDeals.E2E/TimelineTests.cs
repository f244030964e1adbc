using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComputeDeals.E2E;

/// <summary>The timeline's filters: a GET form that applies at once with JavaScript and with a button without it.</summary>
public class TimelineTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private Task<IPage> NewPageAsync(bool javaScript = true) => browser.NewPageAsync(javaScript);

    /// <summary>Waits until the filter script has marked the form, so a change applies at once.</summary>
    private static Task WaitForScriptAsync(IPage page) =>
        Expect(page.Locator("form[data-instant-filters][data-js]")).ToHaveCountAsync(1);

    /// <summary>Waits for the path and query to be exactly this (a glob would read "?" as a wildcard).</summary>
    private static Task UrlIsAsync(IPage page, string pathAndQuery) =>
        page.WaitForURLAsync(url => new Uri(url).PathAndQuery == pathAndQuery);

    private static Task<IReadOnlyList<string>> TitlesAsync(IPage page) => page.Locator(".cd-wire-title a").AllTextContentsAsync();

    [Fact]
    public async Task An_analyst_filters_by_company_and_date_shares_the_link_and_goes_back()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/deals");
        await WaitForScriptAsync(page);

        // A reader reaches the select first (click or Tab); Playwright's SelectOption alone does not focus it.
        await page.GetByLabel("Company (any role)").FocusAsync();
        await page.GetByLabel("Company (any role)").SelectOptionAsync("anthropic");
        await UrlIsAsync(page, "/deals?company=anthropic");
        await Expect(page.Locator(".cd-wire-item")).ToHaveCountAsync(4);
        // The control the reader used keeps the focus across the update.
        await Expect(page.GetByLabel("Company (any role)")).ToBeFocusedAsync();

        await page.GetByLabel("Announced from").FillAsync("2026-01-01");
        await UrlIsAsync(page, "/deals?company=anthropic&from=2026-01-01");
        await Expect(page.Locator(".cd-wire-item")).ToHaveCountAsync(3);
        await Expect(page.Locator(".cd-count")).ToHaveTextAsync("3 deals · 0 with undisclosed value");
        var titles = await TitlesAsync(page);

        // The copied link, opened in a fresh browser context (no shared cookies or state).
        var colleague = await NewPageAsync();
        await colleague.GotoAsync(page.Url);
        await Expect(colleague.Locator(".cd-wire-item")).ToHaveCountAsync(3);
        Assert.Equal(titles, await TitlesAsync(colleague));
        await Expect(colleague.GetByLabel("Company (any role)")).ToHaveValueAsync("anthropic");
        await Expect(colleague.GetByLabel("Announced from")).ToHaveValueAsync("2026-01-01");

        await page.GoBackAsync();
        await UrlIsAsync(page, "/deals?company=anthropic");
        await Expect(page.Locator(".cd-wire-item")).ToHaveCountAsync(4);
        await Expect(page.GetByLabel("Announced from")).ToHaveValueAsync(string.Empty);

        await page.GoBackAsync();
        await UrlIsAsync(page, "/deals");
        await Expect(page.Locator(".cd-wire-item")).ToHaveCountAsync(15);
        await Expect(page.GetByLabel("Company (any role)")).ToHaveValueAsync(string.Empty);
    }

    [Fact]
    public async Task Typing_filters_after_a_pause_and_one_back_undoes_the_whole_search()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/deals?view=table");
        await WaitForScriptAsync(page);

        await page.GetByLabel("Search text").PressSequentiallyAsync("colossus", new() { Delay = 40 });
        await UrlIsAsync(page, "/deals?q=colossus&view=table");
        await Expect(page.Locator(".cd-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Search text")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Search text")).ToHaveValueAsync("colossus");

        await page.Locator("thead th a", new() { HasText = "Value" }).ClickAsync();
        await UrlIsAsync(page, "/deals?q=colossus&sort=value&view=table");
        await Expect(page.Locator("th[aria-sort='descending']")).ToContainTextAsync("Value");

        await page.GoBackAsync();
        await UrlIsAsync(page, "/deals?q=colossus&view=table");
        await page.GoBackAsync();
        await UrlIsAsync(page, "/deals?view=table");
        await Expect(page.Locator(".cd-table tbody tr")).ToHaveCountAsync(15);
        await Expect(page.GetByLabel("Search text")).ToHaveValueAsync(string.Empty);
    }

    [Fact]
    public async Task A_change_far_down_the_page_keeps_the_scroll_position()
    {
        var page = await NewPageAsync();
        await page.SetViewportSizeAsync(1280, 500);
        await page.GotoAsync("/deals");
        await WaitForScriptAsync(page);

        await page.GetByLabel("Order").ScrollIntoViewIfNeededAsync();
        var before = await page.EvaluateAsync<double>("window.scrollY");
        Assert.True(before > 0, "the order control should be below the fold at 500 px");
        await page.GetByLabel("Order").FocusAsync();
        await page.GetByLabel("Order").SelectOptionAsync("value-desc");
        await UrlIsAsync(page, "/deals?sort=value");
        await Expect(page.GetByLabel("Order")).ToBeFocusedAsync();
        Assert.Equal(before, await page.EvaluateAsync<double>("window.scrollY"));
    }

    [Fact]
    public async Task Without_javascript_the_apply_button_filters_and_lands_on_the_clean_link()
    {
        var page = await NewPageAsync(javaScript: false);
        await page.GotoAsync("/deals");

        await page.GetByLabel("Company (any role)").SelectOptionAsync("anthropic");
        await page.GetByLabel("Announced from").FillAsync("2026-01-01");
        await page.GetByLabel("Order").SelectOptionAsync("value-asc");
        Assert.EndsWith("/deals", page.Url, StringComparison.Ordinal); // nothing happens until the reader applies
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await UrlIsAsync(page, "/deals?company=anthropic&from=2026-01-01&sort=value&dir=asc");
        await Expect(page.Locator(".cd-count")).ToHaveTextAsync("3 deals · 0 with undisclosed value");
        await Expect(page.GetByLabel("Company (any role)")).ToHaveValueAsync("anthropic");
    }

    [Fact]
    public async Task On_a_phone_the_filters_open_from_a_button_and_the_page_does_not_scroll_sideways()
    {
        var page = await NewPageAsync();
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync("/deals");
        await WaitForScriptAsync(page);

        await Expect(page.GetByLabel("Deal type")).ToBeHiddenAsync();
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Filters" });
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await page.GetByLabel("Deal type").SelectOptionAsync("investment");
        await UrlIsAsync(page, "/deals?type=investment");
        await Expect(page.Locator(".cd-wire-item")).ToHaveCountAsync(3);
        await Expect(page.GetByLabel("Deal type")).ToBeVisibleAsync();

        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 360);
    }
}
