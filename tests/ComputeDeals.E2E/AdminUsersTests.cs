using System.Text.RegularExpressions;
using ComputeDeals.Testing;
using ComputeDeals.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComputeDeals.E2E;

/// <summary>An admin at /admin/users in a real browser: adds a user who sets a password through the link, grants a role, unlocks, ends sessions.</summary>
public class AdminUsersTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NewPassword = "a-password-chosen-in-the-browser";

    private async Task<AppUser> UserAsync(string email)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByEmailAsync(email))!;
    }

    private async Task<IList<string>> RolesAsync(string email)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    private static ILocator Row(IPage page, string email) => page.Locator("table.cd-users tbody tr", new() { Has = page.Locator($"td:text-is('{email}')") });

    [Fact]
    public async Task An_admin_adds_a_user_who_sets_a_password_through_the_link_then_grants_them_admin()
    {
        await browser.App.CreateUserAsync("e2e-admin-add@example.com", "Admin");
        var admin = await browser.NewPageAsync();
        await EditorSignIn.OpenAsAsync(admin, "e2e-admin-add@example.com", "/admin/users");

        await admin.Locator("#new-user-email").FillAsync("e2e-newcomer@example.com");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();

        var link = admin.Locator("[data-set-password-link]");
        await Expect(link).ToHaveValueAsync(new Regex("/account/set-password\\?"));
        await Expect(Row(admin, "e2e-newcomer@example.com")).ToContainTextAsync("no password yet");
        Assert.Equal(["Editor"], await RolesAsync("e2e-newcomer@example.com"));

        // The newcomer opens the link in their own browser, sets a password and signs in with it.
        var newcomer = await browser.NewPageAsync();
        await newcomer.GotoAsync(await link.InputValueAsync());
        await newcomer.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await newcomer.GetByLabel("New password again").FillAsync(NewPassword);
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(newcomer.Locator("[data-set-password=done]")).ToBeVisibleAsync();
        await newcomer.GotoAsync("/editor");
        await newcomer.WaitForURLAsync("**/account/login?*");
        await newcomer.GetByLabel("Email").FillAsync("e2e-newcomer@example.com");
        await newcomer.GetByLabel("Password").FillAsync(NewPassword);
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await newcomer.WaitForURLAsync("**/editor");

        // The admin grants the Admin role with its checkbox.
        await admin.GetByLabel("Admin role for e2e-newcomer@example.com").CheckAsync();
        await Expect(Row(admin, "e2e-newcomer@example.com")).ToContainTextAsync("active");
        await Expect(admin.GetByLabel("Admin role for e2e-newcomer@example.com")).ToBeCheckedAsync();
        await admin.ReloadAsync();
        await Expect(admin.GetByLabel("Admin role for e2e-newcomer@example.com")).ToBeCheckedAsync();
        Assert.Contains("Admin", await RolesAsync("e2e-newcomer@example.com"));
    }

    [Fact]
    public async Task An_admin_unlocks_a_locked_account_and_ends_every_session_of_another()
    {
        await browser.App.CreateUserAsync("e2e-admin-ops@example.com", "Admin");
        await browser.App.CreateUserAsync("e2e-locked@example.com", "Editor");
        await browser.App.CreateUserAsync("e2e-signed-in@example.com", "Editor");
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("e2e-locked@example.com"))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        // Someone is working in the editor in their own browser.
        var editor = await browser.NewPageAsync();
        await EditorSignIn.OpenAsAsync(editor, "e2e-signed-in@example.com", "/editor/companies/new");

        var admin = await browser.NewPageAsync();
        await EditorSignIn.OpenAsAsync(admin, "e2e-admin-ops@example.com", "/admin/users");

        await Expect(Row(admin, "e2e-locked@example.com")).ToContainTextAsync("locked out");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Unlock e2e-locked@example.com" }).ClickAsync();
        await Expect(Row(admin, "e2e-locked@example.com")).ToContainTextAsync("active");
        Assert.False((await UserAsync("e2e-locked@example.com")).LockoutEnd > DateTimeOffset.UtcNow);

        // The unlocked owner signs in again.
        var owner = await browser.NewPageAsync();
        await EditorSignIn.OpenAsAsync(owner, "e2e-locked@example.com", "/editor/companies/new");

        await admin.GetByRole(AriaRole.Button, new() { Name = "End every session of e2e-signed-in@example.com" }).ClickAsync();
        await Expect(admin.GetByText("Ended every session of e2e-signed-in@example.com: they must sign in again.")).ToBeVisibleAsync();

        // Their next request goes to the sign-in page; the admin's own session is untouched.
        await editor.GotoAsync("/editor");
        await editor.WaitForURLAsync("**/account/login?*");
        await admin.GotoAsync("/admin/users");
        await Expect(admin.Locator("[data-interactive=true]")).ToBeVisibleAsync();
    }
}
