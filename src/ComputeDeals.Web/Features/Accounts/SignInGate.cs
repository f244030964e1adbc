using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace ComputeDeals.Web.Features.Accounts;

/// <summary>What a sign-in attempt may tell the person at the form.</summary>
public enum SignInOutcome
{
    SignedIn,

    /// <summary>Unknown email, wrong password, locked account or no password set yet: one answer for all.</summary>
    Refused,

    /// <summary>Too many attempts on the whole site or from this address, whoever they were for.</summary>
    Throttled,
}

/// <summary>
/// Sign-in attempt budgets shared by the whole app (a singleton): one for every attempt on the site,
/// so that spreading guesses over many accounts or addresses is slowed too, and one per client address.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly TokenBucketRateLimiter _global;
    private readonly PartitionedRateLimiter<string> _perAddress;

    public SignInThrottle(IOptions<AccountOptions> options)
    {
        var o = options.Value;
        _global = new TokenBucketRateLimiter(Bucket(o.SignInAttemptsPerMinute));
        _perAddress = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetTokenBucketLimiter(address, _ => Bucket(o.SignInAttemptsPerMinutePerAddress)));
    }

    /// <summary>Takes one attempt from both budgets; false when either is spent.</summary>
    public bool TryTake(string? address)
    {
        using var local = _perAddress.AttemptAcquire(address ?? "unknown");
        if (!local.IsAcquired)
        {
            return false;
        }

        using var global = _global.AttemptAcquire();
        return global.IsAcquired;
    }

    public void Dispose()
    {
        _global.Dispose();
        _perAddress.Dispose();
    }

    // A full bucket of a minute's attempts that refills evenly over the minute.
    private static TokenBucketRateLimiterOptions Bucket(int perMinute)
    {
        var limit = Math.Max(1, perMinute);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / limit,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}

/// <summary>
/// Password sign-in that gives nothing away: every refused attempt checks one password hash (a
/// stand-in for unknown, locked or password-less accounts), answers the same way, and takes at least
/// <see cref="AccountOptions.SignInMinimumDuration"/>, so neither the words nor the time tell whether
/// an account exists. Attempts beyond the global or per-address budget are refused before any lookup.
/// </summary>
public sealed class SignInGate(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IPasswordHasher<AppUser> hasher,
    SignInThrottle throttle,
    TimeProvider time,
    IOptions<AccountOptions> options)
{
    public const string RefusedMessage =
        "The email or password is wrong, or the account is locked after too many failed sign-ins. Check both and try again in 15 minutes, or ask an admin.";

    public const string ThrottledMessage = "There are too many sign-in attempts right now. Wait a minute and try again.";

    private static readonly AppUser StandIn = new() { UserName = "stand-in@invalid", Email = "stand-in@invalid" };
    private static string? s_standInHash;

    public async Task<SignInOutcome> SignInAsync(string email, string password, string? address)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await AttemptAsync(email, password, address);
        }
        finally
        {
            var remaining = options.Value.SignInMinimumDuration - Stopwatch.GetElapsedTime(started);
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, time);
            }
        }
    }

    private async Task<SignInOutcome> AttemptAsync(string email, string password, string? address)
    {
        if (!throttle.TryTake(address))
        {
            return SignInOutcome.Throttled;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null || await users.IsLockedOutAsync(user) || !await users.HasPasswordAsync(user))
        {
            // Identity would answer these without hashing anything: spend the same work as a real check.
            CheckStandIn(password);
            return SignInOutcome.Refused;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded ? SignInOutcome.SignedIn : SignInOutcome.Refused;
    }

    private void CheckStandIn(string password)
    {
        s_standInHash ??= hasher.HashPassword(StandIn, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(StandIn, s_standInHash, password);
    }
}
