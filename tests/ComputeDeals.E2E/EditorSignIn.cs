using ComputeDeals.Testing;
using Microsoft.Playwright;

namespace ComputeDeals.E2E;

/// <summary>Signs a test user in through the real sign-in page and opens an editor route.</summary>
public static class EditorSignIn
{
    public static async Task OpenAsAsync(IPage page, string email, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(path);
        await page.WaitForURLAsync("**/account/login?*");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**" + path);
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeVisibleAsync();
    }

    /// <summary>Picks a company in a MudBlazor autocomplete by its exact name.</summary>
    public static async Task PickAsync(IPage page, string inputSelector, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var input = page.Locator(inputSelector);
        await input.ClickAsync();
        await input.FillAsync(name);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{name}$") }).ClickAsync();
        await Assertions.Expect(input).ToHaveValueAsync(name);
    }
}
