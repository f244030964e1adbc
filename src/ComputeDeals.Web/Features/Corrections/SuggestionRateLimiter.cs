using System.Threading.RateLimiting;

namespace ComputeDeals.Web.Features.Corrections;

/// <summary>Settings under "Corrections": how many suggestions one address may send per window.</summary>
public sealed class CorrectionOptions
{
    public const string Section = "Corrections";

    public int PermitLimit { get; set; } = 5;

    public int WindowMinutes { get; set; } = 60;
}

/// <summary>A fixed window per client address, so one visitor cannot flood the editors' queue.</summary>
public sealed class SuggestionRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SuggestionRateLimiter(IOptions<CorrectionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        PermitLimit = settings.PermitLimit;
        WindowText = settings.WindowMinutes == 60 ? "hour" : string.Create(CultureInfo.InvariantCulture, $"{settings.WindowMinutes} minutes");
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.PermitLimit,
            Window = TimeSpan.FromMinutes(settings.WindowMinutes),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public int PermitLimit { get; }

    public string WindowText { get; }

    public bool TryAcquire(string clientKey)
    {
        using var lease = _limiter.AttemptAcquire(clientKey);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
