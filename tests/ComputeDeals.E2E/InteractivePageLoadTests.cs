using ComputeDeals.Testing;
using Microsoft.Playwright;

namespace ComputeDeals.E2E;

/// <summary>
/// Static pages carry no MudBlazor CSS or script; a link from them into the editor must still give a working
/// editor (a new document with MudBlazor's script), while links between static pages stay enhanced navigation.
/// Static pages load blazor.web.js (enhanced navigation) on the reader's first interaction, not during load.
/// </summary>
public class InteractivePageLoadTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string MudBlazorScriptLoaded = "typeof window.mudElementRef === 'object'";

    [Fact]
    public async Task A_static_page_loads_Blazor_only_when_the_reader_first_interacts()
    {
        var page = await browser.NewPageAsync();
        var scripts = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.ResourceType == "script")
            {
                lock (scripts) { scripts.Add(request.Url); }
            }
        };

        await page.GotoAsync("/analytics", new() { WaitUntil = WaitUntilState.NetworkIdle });
        lock (scripts) { Assert.DoesNotContain(scripts, url => url.Contains("/_framework/blazor.web.", StringComparison.Ordinal)); }
        await Assertions.Expect(page.Locator("html[data-blazor]")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("typeof window.Blazor === 'undefined'"));

        // The first key press (here Tab to the skip link) loads and starts it.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("html[data-blazor=started]")).ToHaveCountAsync(1);
        lock (scripts) { Assert.Contains(scripts, url => url.Contains("/_framework/blazor.web.", StringComparison.Ordinal)); }
        Assert.True(await page.EvaluateAsync<bool>("typeof window.Blazor.navigateTo === 'function'"));
    }

    [Fact]
    public async Task An_editor_follows_the_Editor_link_from_a_static_page_into_a_working_editor()
    {
        await browser.App.CreateUserAsync("page-load-editor@example.com", "Editor");
        var page = await browser.NewPageAsync();
        await EditorSignIn.OpenAsAsync(page, "page-load-editor@example.com", "/editor/deals/new");

        await page.GotoAsync("/deals");
        Assert.False(await page.EvaluateAsync<bool>(MudBlazorScriptLoaded));
        await page.EvaluateAsync("window.cdSameDocument = true");

        // Static to static: once Blazor has started (the reader pointing at the link starts it), enhanced
        // navigation, so the document (and the marker on its window) stays.
        var companies = page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Companies" });
        await companies.HoverAsync();
        await Assertions.Expect(page.Locator("html[data-blazor=started]")).ToHaveCountAsync(1);
        await companies.ClickAsync();
        await page.WaitForURLAsync("**/companies");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Companies");
        Assert.True(await page.EvaluateAsync<bool>("window.cdSameDocument === true"));

        // Static to interactive: a new document that runs MudBlazor's script, and the editor's controls work.
        await page.GetByRole(AriaRole.Link, new() { Name = "Editor", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/editor");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Editor");
        await page.WaitForFunctionAsync(MudBlazorScriptLoaded); // deferred, so it runs once the document is parsed
        Assert.False(await page.EvaluateAsync<bool>("window.cdSameDocument === true"));
        await Assertions.Expect(page.Locator("link[href*='_content/MudBlazor/MudBlazor.min']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("link[href*='site-base.']")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "New deal" }).ClickAsync();
        await page.WaitForURLAsync("**/editor/deals/new");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add party" }).ClickAsync();
        await EditorSignIn.PickAsync(page, "#party-0-company", "xAI"); // MudBlazor's autocomplete popover
    }
}
