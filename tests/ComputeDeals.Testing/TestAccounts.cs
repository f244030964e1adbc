using System.Net;
using System.Text.RegularExpressions;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Testing;

/// <summary>Creates users in the test database and signs them in through the real login form.</summary>
public static partial class TestAccounts
{
    public const string Password = "test-password-for-tests-only";

    /// <summary>Creates a user with the given role (or none) and returns its id.</summary>
    public static async Task<string> CreateUserAsync(this TestAppFactory app, string email, string? role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await UserAdminService.EnsureRolesAsync(scope.ServiceProvider);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }

        if (role is not null && !await users.IsInRoleAsync(user, role))
        {
            await users.AddToRoleAsync(user, role);
        }

        return user.Id;
    }

    /// <summary>A client with its own cookie jar that does not follow redirects.</summary>
    public static HttpClient CreateBrowserLikeClient(this TestAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the sign-in form (with its antiforgery token) and returns the response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = Password)
    {
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri("/account/login", UriKind.Relative), form);
    }

    /// <summary>Creates a user with the role and returns a client signed in as that user.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this TestAppFactory app, string email, string? role)
    {
        await app.CreateUserAsync(email, role);
        var client = app.CreateBrowserLikeClient();
        var response = await client.SignInAsync(email);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
