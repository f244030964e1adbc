using System.ComponentModel.DataAnnotations;

namespace ComputeDeals.Web.Api;

/// <summary>Settings under "Api": how hard anonymous and signed-in clients may call the open-data API.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    [Required]
    public RateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>A fixed window per client: anonymous clients by IP address, signed-in users by name.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests an anonymous client (one IP address) may make per window.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 120;

    /// <summary>Requests a signed-in user may make per window.</summary>
    [Range(1, 1_000_000)]
    public int SignedInPermitLimit { get; set; } = 600;

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}
