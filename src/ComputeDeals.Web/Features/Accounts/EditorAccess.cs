using Microsoft.AspNetCore.Identity;

namespace ComputeDeals.Web.Features.Accounts;

/// <summary>An editor confirmed against the store, named in change records.</summary>
public sealed record EditorIdentity(string UserId, string Name, bool IsAdmin);

/// <summary>
/// The server-side role check every write path makes. It reads the roles from the database rather
/// than trusting the cookie's claims, so an editor whose role was just removed cannot save.
/// </summary>
public sealed class EditorAccess(IDbContextFactory<AppDbContext> factory, IOptions<IdentityOptions> identityOptions)
{
    /// <summary>The editor behind the principal, or null when it is anonymous, unknown, locked out or lacks the role.</summary>
    public async Task<EditorIdentity?> ResolveAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken = default)
    {
        var userId = principal?.Identity?.IsAuthenticated == true
            ? principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType)
            : null;
        if (userId is null)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.UserName, u.Email, u.LockoutEnd }).SingleOrDefaultAsync(cancellationToken);
        if (user is null || (user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow))
        {
            return null;
        }

        var roles = await UserRoles.OfAsync(db, userId, cancellationToken);
        if (!AppRoles.Writers.Any(roles.Contains))
        {
            return null;
        }

        return new EditorIdentity(userId, user.Email ?? user.UserName ?? userId, roles.Contains(AppRoles.Admin));
    }

    /// <summary>Whether the principal is an admin according to the store.</summary>
    public async Task<bool> IsAdminAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken = default) =>
        (await ResolveAsync(principal, cancellationToken))?.IsAdmin == true;
}
