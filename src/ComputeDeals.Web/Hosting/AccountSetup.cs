using ComputeDeals.Web.Components.Layout;
using ComputeDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace ComputeDeals.Web.Hosting;

/// <summary>
/// ASP.NET Core Identity on the app's database with cookie sign-in, the Editor and Admin roles and
/// policies, lockout, and a circuit that re-checks its user. Sign-in is a static SSR page; sign-out a POST.
/// </summary>
public static class AccountSetup
{
    public const string LoginPath = "/account/login";

    public const string LogoutPath = "/account/logout";

    public const string AccessDeniedPath = "/account/access-denied";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section);
        builder.Services.AddOptions<BootstrapAdminOptions>().BindConfiguration(BootstrapAdminOptions.Section);
        var accounts = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();

        // Identity's stores want a scoped context; the rest of the app uses the factory.
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = LogoutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Cookie.Name = "cd-auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS, including HTTPS at a known reverse proxy (TransportSecuritySetup).
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
        });

        builder.Services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = accounts.MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = accounts.LockoutDuration;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Every request re-reads the user's security stamp: sign-out, a password change or a role
        // removal changes it, so every copy of the old cookie stops working at once.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AppPolicies.Editor, policy => policy.RequireRole(AppRoles.Writers))
            .AddPolicy(AppPolicies.Admin, policy => policy.RequireRole(AppRoles.Admin));

        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        builder.Services.AddScoped<EditorAccess>();
        builder.Services.AddScoped<UserAdminService>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddScoped<SignInGate>();
        // Set-password links from /admin/users are password-reset tokens: they expire, and die once used
        // (setting the password changes the security stamp the token is bound to).
        builder.Services.AddOptions<DataProtectionTokenProviderOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<AccountOptions>>((tokens, account) => tokens.TokenLifespan = account.Value.SetPasswordLinkLifetime);
        return builder;
    }

    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        // A form post that must carry the antiforgery token; a missing or wrong token is a 400, not a sign-out.
        app.MapPost(LogoutPath, async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn, UserManager<AppUser> users) =>
        {
            if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            var form = await http.Request.ReadFormAsync();
            // Revoke on the server too: a new security stamp invalidates every copy of this user's cookie.
            if (await users.GetUserAsync(http.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect(LocalUrl.OrHome(form["returnUrl"]));
        }).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }
}
