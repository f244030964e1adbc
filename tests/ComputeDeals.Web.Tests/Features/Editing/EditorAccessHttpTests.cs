using System.Net;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Tests.Features.Editing;

public class EditorAccessHttpTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    public static TheoryData<string> EditorPaths => new()
    {
        "/editor",
        "/editor/deals/new",
        "/editor/deals/1",
        "/editor/companies/new",
        "/editor/companies/1",
        "/editor/datacenters/new",
        "/editor/valuations/new",
        "/editor/changes",
        "/editor/import",
        "/editor/import/template.csv",
        "/admin/users",
    };

    [Theory]
    [MemberData(nameof(EditorPaths))]
    public async Task An_anonymous_user_is_sent_to_sign_in(string path)
    {
        var response = await app.CreateBrowserLikeClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EditorPaths))]
    public async Task A_signed_in_user_without_a_role_is_denied(string path)
    {
        var client = await app.SignedInClientAsync("no-role@example.com", role: null);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EditorPaths))]
    public async Task An_editor_reaches_every_editor_page_but_not_user_management(string path)
    {
        var client = await app.SignedInClientAsync("http-editor@example.com", AppRoles.Editor);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        if (path == "/admin/users")
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task An_admin_reaches_user_management()
    {
        var client = await app.SignedInClientAsync("http-admin@example.com", AppRoles.Admin);

        var response = await client.GetAsync(new Uri("/admin/users", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http-admin@example.com", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await app.CreateUserAsync("lockme@example.com", AppRoles.Editor);
        var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.SignInAsync("lockme@example.com", "wrong-password-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var locked = await client.SignInAsync("lockme@example.com");

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.NotNull((await db.Users.SingleAsync(u => u.Email == "lockme@example.com")).LockoutEnd);
    }

    [Fact]
    public async Task Sign_in_returns_only_to_local_addresses()
    {
        await app.CreateUserAsync("redirect@example.com", AppRoles.Editor);
        var client = app.CreateBrowserLikeClient();
        var page = await client.GetStringAsync(new Uri("/account/login?returnUrl=https://evil.example/", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = "redirect@example.com",
            ["Input.Password"] = TestAccounts.Password,
        });

        var response = await client.PostAsync(new Uri("/account/login?returnUrl=https://evil.example/", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_out_without_an_antiforgery_token_is_refused_and_keeps_the_session()
    {
        var client = await app.SignedInClientAsync("logout@example.com", AppRoles.Editor);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" });

        var refused = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Sign_out_with_the_token_ends_the_session()
    {
        var client = await app.SignedInClientAsync("logout2@example.com", AppRoles.Editor);
        var page = await client.GetStringAsync(new Uri("/deals", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(page, "action=\"/account/logout\"[^>]*>\\s*<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/deals", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) });

        var response = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/deals", UriKind.Relative));

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.DoesNotContain("<script type=\"importmap\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
