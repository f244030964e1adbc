using Microsoft.Playwright;

namespace ComputeDeals.E2E;

public class PermalinkTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Permalink = "/deals/xai-anthropic-colossus-1";

    [Fact]
    public async Task A_reader_with_javascript_off_sees_the_whole_deal()
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync(Permalink);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("xAI sells all Colossus 1 compute to Anthropic");
        var parties = page.Locator(".cd-party-roles");
        await Assertions.Expect(parties.GetByRole(AriaRole.Link, new() { Name = "xAI", Exact = true })).ToHaveAttributeAsync("href", "/companies/xai");
        await Assertions.Expect(parties.GetByRole(AriaRole.Link, new() { Name = "Anthropic", Exact = true })).ToHaveAttributeAsync("href", "/companies/anthropic");
        await Assertions.Expect(page.Locator("[data-figure='value'] .cd-figure-text")).ToHaveTextAsync("~$3–15B/year");
        await Assertions.Expect(page.Locator("[data-figure='capacity'] .cd-figure-text")).ToHaveTextAsync("at least 300 MW");
        await Assertions.Expect(page.Locator("ol.cd-sources > li")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator(".cd-markdown")).ToContainTextAsync("Anthropic announced on 2026-05-06");

        // Without JavaScript the copy button stays hidden and the link is a selectable read-only field.
        var url = page.GetByLabel("Link to this deal");
        await Assertions.Expect(url).ToHaveValueAsync(new Uri(browser.BaseAddress, Permalink).ToString());
        await Assertions.Expect(url).ToHaveAttributeAsync("readonly", "");
        await Assertions.Expect(page.Locator("button[data-copy-link='#cd-permalink-url']")).ToBeHiddenAsync();

        // A footnote marker jumps to its numbered source.
        await page.Locator("[data-figure='value'] .cd-footnotes a").First.ClickAsync();
        await page.WaitForURLAsync("**#source-4");
    }

    [Fact]
    public async Task The_copy_link_button_puts_the_permalink_on_the_clipboard()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        context.SetDefaultTimeout(BrowserFixture.Patience);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Permalink);

        var button = page.GetByRole(AriaRole.Button, new() { Name = "Copy link" });
        await Assertions.Expect(button).ToBeVisibleAsync();
        await button.ClickAsync();

        await Assertions.Expect(page.Locator(".cd-share .cd-copy-status")).ToHaveTextAsync("Link copied");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(new Uri(browser.BaseAddress, Permalink).ToString(), copied);
        await context.CloseAsync();
    }
}
