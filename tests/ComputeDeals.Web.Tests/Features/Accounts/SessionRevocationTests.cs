using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using ComputeDeals.Testing;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Accounts;

public partial class SessionRevocationTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    /// <summary>A client whose cookies the test can read and copy.</summary>
    private (HttpClient Client, CookieContainer Cookies) CookieClient()
    {
        var cookies = new CookieContainer();
        return (app.CreateDefaultClient(new CookieContainerHandler(cookies)), cookies);
    }

    private async Task<(HttpClient Client, string AuthCookie)> SignedInAsync(string email, string role)
    {
        await app.CreateUserAsync(email, role);
        var (client, cookies) = CookieClient();
        var response = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = cookies.GetCookies(client.BaseAddress!)["cd-auth"];
        Assert.NotNull(auth);
        return (client, auth.Value);
    }

    /// <summary>Opens /editor with nothing but a copied auth cookie, as an attacker holding it would.</summary>
    private async Task<HttpResponseMessage> OpenEditorWithCopiedCookieAsync(string authCookie)
    {
        var thief = app.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/editor");
        request.Headers.Add("Cookie", $"cd-auth={authCookie}");
        return await thief.SendAsync(request);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_once_its_owner_signs_out()
    {
        var (client, authCookie) = await SignedInAsync("signout-copy@example.com", AppRoles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await OpenEditorWithCopiedCookieAsync(authCookie)).StatusCode);

        var page = await client.GetStringAsync(new Uri("/editor", UriKind.Relative));
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = "/" });
        var signOut = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        AssertSentToSignIn(await OpenEditorWithCopiedCookieAsync(authCookie));
    }

    [Fact]
    public async Task Removing_the_role_at_admin_users_ends_the_session_on_the_next_request()
    {
        var (_, authCookie) = await SignedInAsync("role-removed@example.com", AppRoles.Editor);
        var adminId = await app.CreateUserAsync("role-remover@example.com", AppRoles.Admin);
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, adminId), new Claim(ClaimTypes.Name, "role-remover@example.com")], "test"));
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync("role-removed@example.com"))!;
            Assert.Null(await scope.ServiceProvider.GetRequiredService<UserAdminService>().SetRoleAsync(admin, user.Id, AppRoles.Editor, granted: false));
        }

        AssertSentToSignIn(await OpenEditorWithCopiedCookieAsync(authCookie));
    }

    [Fact]
    public async Task A_password_change_ends_every_session_of_the_account()
    {
        var (_, authCookie) = await SignedInAsync("password-changed@example.com", AppRoles.Editor);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync("password-changed@example.com"))!;
            Assert.True((await users.ChangePasswordAsync(user, TestAccounts.Password, "another long passphrase 42")).Succeeded);
        }

        AssertSentToSignIn(await OpenEditorWithCopiedCookieAsync(authCookie));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
