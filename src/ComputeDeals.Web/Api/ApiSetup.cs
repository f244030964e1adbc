using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;

namespace ComputeDeals.Web.Api;

/// <summary>
/// Everything the open-data surface shares: JSON conventions, problem details, the OpenAPI
/// document and reference page, CORS for read-only cross-origin use, and rate limiting.
/// </summary>
public static class ApiSetup
{
    public const string CorsPolicy = "open-data";

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.RateLimit.PermitLimit > 0 && o.RateLimit.WindowSeconds > 0, "Api:RateLimit needs a positive PermitLimit and WindowSeconds.")
            .ValidateOnStart();

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path);

        builder.Services.AddOpenApi("v1", options =>
        {
            // Only the open-data surface: the Blazor pages, health and theme endpoints are not API.
            options.ShouldInclude = description =>
                OpenDataApi.ContainsRoute(description.RelativePath)
                || description.RelativePath?.StartsWith("feeds/", StringComparison.Ordinal) == true;
            options.AddOpenDataConventions();
        });

        builder.Services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD")
            .AllowAnyHeader()
            .WithExposedHeaders("ETag", "Retry-After", "Content-Disposition", "Link")));

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            options.OnRejected = WriteRejectionAsync;
        });
        return builder;
    }

    /// <summary>Problem details for the API's own status codes, CORS, rate limiting and the reference page.</summary>
    public static WebApplication UseApi(this WebApplication app)
    {
        app.Use(ProblemDetailsForOpenDataAsync);
        app.UseWhen(context => IsOpenData(context.Request.Path), branch => branch.UseCors(CorsPolicy));
        app.UseRateLimiter();
        return app;
    }

    /// <summary>/api/v1, /api/docs and /feeds: the paths anyone may read from any origin.</summary>
    public static bool IsOpenData(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/feeds", StringComparison.OrdinalIgnoreCase);

    private static bool IsRateLimited(PathString path) =>
        path.StartsWithSegments(OpenDataApi.Prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/feeds", StringComparison.OrdinalIgnoreCase);

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (!IsRateLimited(context.Request.Path))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        var settings = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RateLimit;
        var user = context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;
        var key = user is not null ? "user:" + user : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var limit = user is not null ? settings.SignedInPermitLimit : settings.PermitLimit;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromSeconds(settings.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var settings = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RateLimit;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : settings.WindowSeconds;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(CultureInfo.InvariantCulture);
        await WriteProblemAsync(
            context,
            "Too many requests",
            $"This client may make {settings.PermitLimit} requests every {settings.WindowSeconds} seconds. Retry after {Math.Max(1, retryAfter)} seconds.");
    }

    /// <summary>
    /// On API paths the HTML status-code pages are off and any error without a body (405 for a
    /// write verb, 404 for an unknown route) becomes a problem-details body instead.
    /// </summary>
    private static async Task ProblemDetailsForOpenDataAsync(HttpContext context, RequestDelegate next)
    {
        if (!IsOpenData(context.Request.Path))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        await next(context);
        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && response.ContentType is null)
        {
            await WriteProblemAsync(context, null, response.StatusCode == StatusCodes.Status405MethodNotAllowed
                ? "The open-data API is read-only: use GET."
                : null);
        }
    }

    private static async Task WriteProblemAsync(HttpContext context, string? title, string? detail)
    {
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = context.Response.StatusCode, Title = title, Detail = detail },
        });
    }
}
