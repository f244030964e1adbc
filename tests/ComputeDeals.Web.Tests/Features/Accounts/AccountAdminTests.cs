using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using ComputeDeals.Testing;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Accounts;

/// <summary>Sign-in that reveals nothing, the global attempt budget, and what admins do at /admin/users, over HTTP.</summary>
public partial class AccountAdminTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private async Task<ClaimsPrincipal> AdminAsync(string email)
    {
        var id = await app.CreateUserAsync(email, AppRoles.Admin);
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email)], "test"));
    }

    private UserAdminService Admin(TestAppFactory factory) => factory.Services.CreateScope().ServiceProvider.GetRequiredService<UserAdminService>();

    private static async Task<string> AlertAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var match = LoginError().Match(html);
        Assert.True(match.Success, "The sign-in page shows no error message.");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    [Fact]
    public async Task Unknown_email_wrong_password_and_locked_account_get_the_same_words_and_check_one_password_hash_each()
    {
        var hasher = new CountingHasher();
        await using var factory = new TestAppFactory().WithServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher));
        await factory.CreateUserAsync("known@example.com", AppRoles.Editor);
        await factory.CreateUserAsync("locked@example.com", AppRoles.Editor);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("locked@example.com"))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        var answers = new List<string>();
        foreach (var (email, password) in new[] { ("nobody@example.com", "some guess of a password"), ("known@example.com", "a wrong password here"), ("locked@example.com", TestAccounts.Password) })
        {
            var before = hasher.Verifications;
            var response = await factory.CreateBrowserLikeClient().SignInAsync(email, password);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(await AlertAsync(response));
            Assert.Equal(1, hasher.Verifications - before);
        }

        Assert.All(answers, a => Assert.Equal(SignInGate.RefusedMessage, a));
    }

    [Fact]
    public async Task Attempts_spread_over_many_accounts_hit_the_site_wide_budget_and_then_even_the_right_password_waits()
    {
        await using var factory = new TestAppFactory()
            .With("Accounts:SignInAttemptsPerMinute", "3")
            .With("Accounts:SignInMinimumDuration", "00:00:00");
        await factory.CreateUserAsync("patient@example.com", AppRoles.Editor);

        for (var i = 1; i <= 3; i++)
        {
            var guess = await factory.CreateBrowserLikeClient().SignInAsync($"guess{i}@example.com", "a guessed password");
            Assert.Equal(SignInGate.RefusedMessage, await AlertAsync(guess));
        }

        var right = await factory.CreateBrowserLikeClient().SignInAsync("patient@example.com");

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal(SignInGate.ThrottledMessage, await AlertAsync(right));
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("cd-auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_admin_adds_a_user_who_sets_a_password_through_a_one_time_link_and_signs_in()
    {
        var admin = await AdminAsync("adder@example.com");

        var created = await Admin(app).CreateUserAsync(admin, "new-editor@example.com", AppRoles.Editor);

        Assert.Null(created.Error);
        var link = created.SetPasswordLink!;
        Assert.StartsWith("/account/set-password?user=", link, StringComparison.Ordinal);
        var row = (await Admin(app).ListAsync(admin)).Single(u => u.Email == "new-editor@example.com");
        Assert.Equal([AppRoles.Editor], row.Roles);
        Assert.False(row.HasPassword);
        Assert.Equal(SignInGate.RefusedMessage, await AlertAsync(await app.CreateBrowserLikeClient().SignInAsync("new-editor@example.com", "a guess at a password")));

        var client = app.CreateBrowserLikeClient();
        var differ = await PostSetPasswordAsync(client, link, "correct horse battery staple", "correct horse battery stable");
        Assert.Contains("The two passwords differ", differ, StringComparison.Ordinal);
        var done = await PostSetPasswordAsync(client, link, "correct horse battery staple", "correct horse battery staple");
        Assert.Contains("data-set-password=\"done\"", done, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserLikeClient().SignInAsync("new-editor@example.com", "correct horse battery staple")).StatusCode);
        var again = await app.CreateBrowserLikeClient().GetStringAsync(new Uri(link, UriKind.Relative));
        Assert.Contains("data-set-password=\"invalid\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("new-password", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_set_password_link_expires()
    {
        await using var factory = new TestAppFactory().With("Accounts:SetPasswordLinkLifetime", "00:00:00");
        var adminId = await factory.CreateUserAsync("expiry-admin@example.com", AppRoles.Admin);
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, adminId)], "test"));

        var created = await Admin(factory).CreateUserAsync(admin, "late@example.com", AppRoles.Editor);
        var page = await factory.CreateBrowserLikeClient().GetStringAsync(new Uri(created.SetPasswordLink!, UriKind.Relative));

        Assert.Contains("This link has expired or has already been used.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_altered_link_opens_nothing_and_a_user_who_exists_cannot_be_added_twice()
    {
        var admin = await AdminAsync("checker@example.com");
        var created = await Admin(app).CreateUserAsync(admin, "twice@example.com", AppRoles.Editor);

        var altered = created.SetPasswordLink!.Replace("token=", "token=AAAA", StringComparison.Ordinal);
        Assert.Contains("data-set-password=\"invalid\"", await app.CreateBrowserLikeClient().GetStringAsync(new Uri(altered, UriKind.Relative)), StringComparison.Ordinal);
        var second = await Admin(app).CreateUserAsync(admin, "twice@example.com", AppRoles.Admin);
        Assert.Contains("already has an account", second.Error, StringComparison.Ordinal);
        Assert.Null(second.SetPasswordLink);
        Assert.Contains("Enter the new user's email address", (await Admin(app).CreateUserAsync(admin, "not an email", AppRoles.Editor)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_unlocks_a_locked_account_and_its_owner_signs_in()
    {
        var admin = await AdminAsync("unlocker@example.com");
        var id = await app.CreateUserAsync("was-locked@example.com", AppRoles.Editor);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(id))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        Assert.True((await Admin(app).ListAsync(admin)).Single(u => u.Id == id).IsLockedOut);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserLikeClient().SignInAsync("was-locked@example.com")).StatusCode);

        Assert.Null((await Admin(app).UnlockAsync(admin, id)).Error);

        Assert.False((await Admin(app).ListAsync(admin)).Single(u => u.Id == id).IsLockedOut);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserLikeClient().SignInAsync("was-locked@example.com")).StatusCode);
    }

    [Fact]
    public async Task Ending_a_users_sessions_sends_their_open_browser_to_sign_in()
    {
        var admin = await AdminAsync("ender@example.com");
        var client = await app.SignedInClientAsync("ended@example.com", AppRoles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/editor", UriKind.Relative))).StatusCode);
        var id = (await Admin(app).ListAsync(admin)).Single(u => u.Email == "ended@example.com").Id;

        Assert.Null((await Admin(app).RevokeSessionsAsync(admin, id)).Error);

        var after = await client.GetAsync(new Uri("/editor", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_manage_users_and_the_page_offers_add_unlock_end_sessions_and_links()
    {
        var editor = await app.CreateUserAsync("plain-editor@example.com", AppRoles.Editor);
        var notAdmin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, editor)], "test"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Admin(app).CreateUserAsync(notAdmin, "sneaky@example.com", AppRoles.Admin));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Admin(app).IssueSetPasswordLinkAsync(notAdmin, editor));

        var asEditor = await app.SignedInClientAsync("page-editor@example.com", AppRoles.Editor);
        Assert.NotEqual(HttpStatusCode.OK, (await asEditor.GetAsync(new Uri("/admin/users", UriKind.Relative))).StatusCode);

        var asAdmin = await app.SignedInClientAsync("page-admin@example.com", AppRoles.Admin);
        var page = await asAdmin.GetStringAsync(new Uri("/admin/users", UriKind.Relative));
        Assert.Contains("Add a user", page, StringComparison.Ordinal);
        Assert.Contains("End sessions", page, StringComparison.Ordinal);
        Assert.Contains("Set-password link", page, StringComparison.Ordinal);
    }

    private static async Task<string> PostSetPasswordAsync(HttpClient client, string link, string password, string confirm)
    {
        var page = await client.GetStringAsync(new Uri(link, UriKind.Relative));
        var token = WebUtility.HtmlDecode(Antiforgery().Match(page).Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "set-password",
            ["__RequestVerificationToken"] = token,
            ["Input.Password"] = password,
            ["Input.Confirm"] = confirm,
        });
        var response = await client.PostAsync(new Uri(link, UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<p class=\"cd-login-error\"[^>]*>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex LoginError();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    /// <summary>The real hasher, counting how many passwords it checks.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
