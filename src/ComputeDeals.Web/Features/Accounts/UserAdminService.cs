using Microsoft.AspNetCore.Identity;

namespace ComputeDeals.Web.Features.Accounts;

/// <summary>One user as the admin page lists it.</summary>
public sealed record UserRow(string Id, string Email, IReadOnlyList<string> Roles, bool IsLockedOut, bool HasPassword);

/// <summary>The answer to an admin action: an error to show, or a one-time set-password link (a local path) to show once.</summary>
public sealed record UserAdminResult(string? Error, string? SetPasswordLink = null)
{
    public bool Succeeded => Error is null;
}

/// <summary>Creates users and grants or removes roles. Every call checks that its caller is an admin.</summary>
public sealed class UserAdminService(IServiceScopeFactory scopes, EditorAccess access)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync(caller, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.UserName, u.LockoutEnd, HasPassword = u.PasswordHash != null }).ToListAsync(cancellationToken);
        var roles = await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        return users.Select(u => new UserRow(
            u.Id,
            u.Email ?? u.UserName ?? u.Id,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
            u.LockoutEnd is { } end && end > now,
            u.HasPassword)).ToList();
    }

    /// <summary>Grants or removes a role. Removing one changes the security stamp, so live sessions lose it.</summary>
    public async Task<string?> SetRoleAsync(ClaimsPrincipal caller, string userId, string role, bool granted, CancellationToken cancellationToken = default)
    {
        var admin = await RequireAdminAsync(caller, cancellationToken);
        if (!AppRoles.All.Contains(role))
        {
            return $"Unknown role \"{role}\": pick one of {string.Join(", ", AppRoles.All)}.";
        }

        if (!granted && role == AppRoles.Admin && admin.UserId == userId)
        {
            return "You cannot remove your own Admin role: ask another admin to do it.";
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NoSuchUser;
        }

        await EnsureRolesAsync(scope.ServiceProvider);
        var inRole = await users.IsInRoleAsync(user, role);
        IdentityResult result = IdentityResult.Success;
        if (granted && !inRole)
        {
            result = await users.AddToRoleAsync(user, role);
        }
        else if (!granted && inRole)
        {
            result = await users.RemoveFromRoleAsync(user, role);
            if (result.Succeeded)
            {
                result = await users.UpdateSecurityStampAsync(user);
            }
        }

        return result.Succeeded ? null : Describe(result);
    }

    /// <summary>
    /// Creates a user with one role and no password, and returns the one-time link with which the user
    /// sets it: the admin never chooses or sees a password.
    /// </summary>
    public async Task<UserAdminResult> CreateUserAsync(ClaimsPrincipal caller, string email, string role, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync(caller, cancellationToken);
        email = email.Trim();
        if (!AppRoles.All.Contains(role))
        {
            return new($"Unknown role \"{role}\": pick one of {string.Join(", ", AppRoles.All)}.");
        }

        if (!TextRules.IsEmail(email))
        {
            return new("Enter the new user's email address, such as name@example.com.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await EnsureRolesAsync(scope.ServiceProvider);
        if (await users.FindByEmailAsync(email) is not null)
        {
            return new($"{email} already has an account: change its roles in the list, or issue a set-password link there.");
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }

        return result.Succeeded ? new(null, await SetPasswordLinkAsync(users, user)) : new(Describe(result));
    }

    /// <summary>A new one-time set-password link for an existing user (a forgotten password); earlier links stay valid until one is used.</summary>
    public Task<UserAdminResult> IssueSetPasswordLinkAsync(ClaimsPrincipal caller, string userId, CancellationToken cancellationToken = default) =>
        OnUserAsync(caller, userId, async (users, user) => new(null, await SetPasswordLinkAsync(users, user)), cancellationToken);

    /// <summary>Ends a lockout and clears the failed-attempt count.</summary>
    public Task<UserAdminResult> UnlockAsync(ClaimsPrincipal caller, string userId, CancellationToken cancellationToken = default) =>
        OnUserAsync(caller, userId, async (users, user) =>
        {
            var result = await users.SetLockoutEndDateAsync(user, null);
            if (result.Succeeded)
            {
                result = await users.ResetAccessFailedCountAsync(user);
            }

            return Outcome(result);
        }, cancellationToken);

    /// <summary>Signs the user out everywhere: a new security stamp invalidates every cookie and unused set-password link.</summary>
    public Task<UserAdminResult> RevokeSessionsAsync(ClaimsPrincipal caller, string userId, CancellationToken cancellationToken = default) =>
        OnUserAsync(caller, userId, async (users, user) => Outcome(await users.UpdateSecurityStampAsync(user)), cancellationToken);

    /// <summary>An admin's action on one existing user, in a scope of its own; "no such user" when the id names none.</summary>
    private async Task<UserAdminResult> OnUserAsync(
        ClaimsPrincipal caller, string userId, Func<UserManager<AppUser>, AppUser, Task<UserAdminResult>> action, CancellationToken cancellationToken)
    {
        await RequireAdminAsync(caller, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.FindByIdAsync(userId) is { } user ? await action(users, user) : new(NoSuchUser);
    }

    private static UserAdminResult Outcome(IdentityResult result) => new(result.Succeeded ? null : Describe(result));

    /// <summary>The local path of a set-password link for the user; the token expires (Accounts:SetPasswordLinkLifetime) and works once.</summary>
    public static async Task<string> SetPasswordLinkAsync(UserManager<AppUser> users, AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return SetPasswordPaths.Link(user.Id, token);
    }

    private const string NoSuchUser = "That user no longer exists: reload the list.";

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

    /// <summary>Creates a user with a password and one role, or adds the role to an existing user.</summary>
    public static async Task<IdentityResult> AddUserAsync(IServiceProvider services, string email, string? password, string role)
    {
        if (!TextRules.IsEmail(email))
        {
            // The same test as the admin page's: the command line and the first admin from configuration add no account the page would refuse.
            return IdentityResult.Failed(new IdentityError { Code = "InvalidEmail", Description = $"\"{email}\" is not an email address: give one such as name@example.com." });
        }

        var users = services.GetRequiredService<UserManager<AppUser>>();
        await EnsureRolesAsync(services);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            if (string.IsNullOrEmpty(password))
            {
                return IdentityResult.Failed(new IdentityError { Code = "PasswordRequired", Description = "A new user needs a password." });
            }

            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return created;
            }
        }

        return await users.IsInRoleAsync(user, role) ? IdentityResult.Success : await users.AddToRoleAsync(user, role);
    }

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var name in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole(name));
            }
        }
    }

    private async Task<EditorIdentity> RequireAdminAsync(ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var editor = await access.ResolveAsync(caller, cancellationToken);
        return editor is { IsAdmin: true } ? editor : throw new UnauthorizedAccessException("Only admins manage users.");
    }
}
