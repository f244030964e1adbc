using System.Net;
using ComputeDeals.Testing;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Accounts;

/// <summary>
/// <c>users add</c> on the command line (password on standard input) and the first admin from configuration
/// (Admin:Email + Admin:Password at start): each account then signs in through the real form.
/// </summary>
public class UserCommandsTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private const string NewPassword = "a-long-command-line-password";

    private static async Task<(int Code, string Output, string Error)> UsersAsync(TestAppFactory factory, string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await UserCommands.RunAsync(factory.Services, args, new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<IList<string>?> RolesAsync(TestAppFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.FindByEmailAsync(email) is { } user ? await users.GetRolesAsync(user) : null;
    }

    /// <summary>Signs in through the login form; true when it lands signed in (a redirect away from the login page).</summary>
    private static async Task<bool> CanSignInAsync(TestAppFactory factory, string email, string password)
    {
        using var client = factory.CreateBrowserLikeClient();
        using var response = await client.SignInAsync(email, password);
        return response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == false;
    }

    [Fact]
    public async Task Users_add_creates_an_account_with_the_role_and_the_password_read_from_standard_input()
    {
        var (code, output, _) = await UsersAsync(app, NewPassword + "\n", "add", "--email", "cli-admin@example.com", "--role", "admin");

        Assert.Equal(0, code);
        Assert.Equal("cli-admin@example.com has the Admin role.", output.Trim());
        Assert.Equal([AppRoles.Admin], await RolesAsync(app, "cli-admin@example.com"));
        Assert.True(await CanSignInAsync(app, "cli-admin@example.com", NewPassword));
        Assert.False(await CanSignInAsync(app, "cli-admin@example.com", NewPassword + "x"));

        using var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("cli-admin@example.com", NewPassword);
        using var admin = await client.GetAsync(new Uri("/admin/users", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Users_add_without_a_role_makes_an_editor()
    {
        var (code, _, _) = await UsersAsync(app, NewPassword + "\n", "add", "--email", "cli-editor@example.com");

        Assert.Equal(0, code);
        Assert.Equal([AppRoles.Editor], await RolesAsync(app, "cli-editor@example.com"));
        Assert.True(await CanSignInAsync(app, "cli-editor@example.com", NewPassword));
    }

    [Theory]
    [InlineData(new[] { "remove", "--email", "x@example.com" }, 2, "Usage: users add")]
    [InlineData(new[] { "add", "--role", "Editor" }, 2, "Give the user's email with --email.")]
    [InlineData(new[] { "add", "--email", "cli-owner@example.com", "--role", "Owner" }, 2, "Unknown role \"Owner\"")]
    public async Task Bad_arguments_print_what_to_fix_exit_non_zero_and_add_nobody(string[] args, int expected, string message)
    {
        var (code, _, error) = await UsersAsync(app, NewPassword + "\n", args);

        Assert.Equal(expected, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Null(await RolesAsync(app, "cli-owner@example.com"));
        Assert.Null(await RolesAsync(app, "x@example.com"));
    }

    // One test of an email address (TextRules.IsEmail) for every way an account is added: the command line
    // refuses what the admin page refuses, where it used to store any text as a user name.
    [Theory]
    [InlineData("not-an-address")]
    [InlineData("Jo <cli-jo@example.com>")]
    public async Task An_address_the_admin_page_refuses_is_refused_by_users_add_too(string email)
    {
        var admin = await app.CreateUserAsync("cli-page-admin@example.com", AppRoles.Admin);
        var caller = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, admin), new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, "cli-page-admin@example.com")], "test"));
        var page = await app.Services.CreateScope().ServiceProvider.GetRequiredService<UserAdminService>().CreateUserAsync(caller, email, AppRoles.Editor);

        var (code, _, error) = await UsersAsync(app, NewPassword + "\n", "add", "--email", email, "--role", "Editor");

        Assert.Equal("Enter the new user's email address, such as name@example.com.", page.Error);
        Assert.Equal(1, code);
        Assert.Contains($"Could not add the user: \"{email}\" is not an email address: give one such as name@example.com.", error, StringComparison.Ordinal);
        Assert.Null(await RolesAsync(app, email));
    }

    [Fact]
    public async Task A_password_the_rules_refuse_adds_nobody_and_says_why()
    {
        var (code, _, error) = await UsersAsync(app, "short\n", "add", "--email", "cli-weak@example.com", "--role", "Editor");

        Assert.Equal(1, code);
        Assert.Contains("Could not add the user:", error, StringComparison.Ordinal);
        Assert.Null(await RolesAsync(app, "cli-weak@example.com"));
    }

    [Fact]
    public async Task The_first_admin_comes_from_configuration_once_and_a_later_configured_admin_is_not_added()
    {
        await using var first = new TestAppFactory()
            .With("Admin:Email", "boot-admin@example.com")
            .With("Admin:Password", NewPassword);

        Assert.Equal([AppRoles.Admin], await RolesAsync(first, "boot-admin@example.com"));
        Assert.True(await CanSignInAsync(first, "boot-admin@example.com", NewPassword));

        // Another start on the same database with a different configured admin: an admin exists, so nobody is added.
        await using (var second = TestAppFactory.SharingDatabaseWith(first)
            .With("Admin:Email", "second-admin@example.com")
            .With("Admin:Password", NewPassword))
        {
            Assert.Null(await RolesAsync(second, "second-admin@example.com"));
            Assert.Equal([AppRoles.Admin], await RolesAsync(second, "boot-admin@example.com"));
        }
    }

    [Fact]
    public async Task Without_both_settings_no_admin_is_created()
    {
        await using var factory = new TestAppFactory().With("Admin:Email", "half-admin@example.com");

        Assert.Null(await RolesAsync(factory, "half-admin@example.com"));
        Assert.False(await CanSignInAsync(factory, "half-admin@example.com", NewPassword));
    }
}
