using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;

namespace ComputeDeals.Web.Features.Accounts;

/// <summary>
/// Re-checks a live circuit's user against the database at an interval: a deleted user, a changed
/// security stamp (password change, role removal) or a role the user no longer has ends the session.
/// </summary>
public sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    IDbContextFactory<AppDbContext> factory,
    IOptions<IdentityOptions> identityOptions,
    IOptions<AccountOptions> accountOptions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => accountOptions.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        var userId = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType);
        if (userId is null)
        {
            return false;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).SingleOrDefaultAsync(cancellationToken);
        if (user is null || (user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow))
        {
            return false;
        }

        var stamp = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is not null && stamp != user.SecurityStamp)
        {
            return false;
        }

        var roles = await UserRoles.OfAsync(db, userId, cancellationToken);
        var claimed = principal.FindAll(identityOptions.Value.ClaimsIdentity.RoleClaimType).Select(c => c.Value);
        return claimed.All(roles.Contains);
    }
}

/// <summary>Reads a user's roles straight from the store, bypassing any cached claims.</summary>
public static class UserRoles
{
    public static async Task<HashSet<string>> OfAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var names = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        return [.. names];
    }
}
