using ComputeDeals.Testing;
using Microsoft.Playwright;

namespace ComputeDeals.E2E;

/// <summary>Typed work survives a reload (the draft in the browser) and long pasted text does not drop the circuit.</summary>
public class NoLostWorkTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_deal_typed_but_not_saved_comes_back_after_a_reload_with_a_notice_and_is_forgotten_once_saved()
    {
        await browser.App.CreateUserAsync("e2e-draft@example.com", "Editor");
        var page = await browser.NewPageAsync();
        await EditorSignIn.OpenAsAsync(page, "e2e-draft@example.com", "/editor/deals/new");

        await page.Locator("#deal-title").FillAsync("A deal typed before the connection dropped");
        await page.Locator("#deal-term-months").FillAsync("36");
        await page.Locator("#deal-term-months").BlurAsync();
        await page.WaitForFunctionAsync("() => (localStorage.getItem('cd-draft:deal:new') || '').includes('connection dropped')");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeVisibleAsync();

        await Assertions.Expect(page.Locator("[data-draft-restored]")).ToContainTextAsync("Your unsaved changes");
        await Assertions.Expect(page.Locator("#deal-title")).ToHaveValueAsync("A deal typed before the connection dropped");
        await Assertions.Expect(page.Locator("#deal-term-months")).ToHaveValueAsync("36");

        await page.GetByRole(AriaRole.Button, new() { Name = "discard them" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#deal-title")).ToHaveValueAsync(string.Empty);
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('cd-draft:deal:new')"));
    }

    [Fact]
    public async Task A_100_KB_summary_reaches_the_server_and_is_refused_with_its_limit_while_the_form_keeps_working()
    {
        await browser.App.CreateUserAsync("e2e-long@example.com", "Editor");
        var page = await browser.NewPageAsync();
        await EditorSignIn.OpenAsAsync(page, "e2e-long@example.com", "/editor/deals/new");

        await page.Locator("#deal-title").FillAsync("A deal with a very long summary");
        await page.Locator("#deal-summary-text").FillAsync(new string('x', 100_000));
        await page.Locator("#deal-summary-text").BlurAsync();
        await page.Locator("[data-action=save]").ClickAsync();

        await Assertions.Expect(page.GetByText("Shorten the summary to 8000 characters or fewer (it has 100000).")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();

        // The circuit still answers: shortening the text clears the message.
        await page.Locator("#deal-summary-text").FillAsync("Short again.");
        await page.Locator("#deal-summary-text").BlurAsync();
        await Assertions.Expect(page.GetByText("Shorten the summary to 8000 characters")).ToHaveCountAsync(0);
    }
}
