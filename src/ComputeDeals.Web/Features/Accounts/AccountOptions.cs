namespace ComputeDeals.Web.Features.Accounts;

/// <summary>Settings under "Accounts".</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>How often a live circuit re-checks its user against the database.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    public int MaxFailedAccessAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts per minute on the whole site, whichever accounts and addresses they come from.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 20;

    /// <summary>Sign-in attempts per minute from one client address.</summary>
    public int SignInAttemptsPerMinutePerAddress { get; set; } = 10;

    /// <summary>Every sign-in answer takes at least this long, so its timing does not reveal whether the account exists.</summary>
    public TimeSpan SignInMinimumDuration { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>How long a set-password link from an admin stays valid (it also dies once used).</summary>
    public TimeSpan SetPasswordLinkLifetime { get; set; } = TimeSpan.FromDays(2);
}

/// <summary>Settings under "Admin": the first admin, created at start when no admin exists yet.</summary>
public sealed class BootstrapAdminOptions
{
    public const string Section = "Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }
}
