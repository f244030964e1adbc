using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Features.Corrections;
using Microsoft.AspNetCore.Mvc;

namespace ComputeDeals.Web.Hosting;

/// <summary>Readers' corrections: the service, the per-address limiter and the editors' accept/reject posts.</summary>
public static class CorrectionsSetup
{
    public static WebApplicationBuilder AddCorrections(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CorrectionOptions>()
            .BindConfiguration(CorrectionOptions.Section)
            .Validate(o => o.PermitLimit > 0 && o.WindowMinutes > 0, "Corrections needs a positive PermitLimit and WindowMinutes.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SuggestionRateLimiter>();
        builder.Services.AddScoped<CorrectionService>();
        builder.Services.AddScoped<SuggestionPrefill>();
        return builder;
    }

    public static WebApplication MapCorrections(this WebApplication app)
    {
        // Plain form posts from the static queue page; a form parameter makes the antiforgery check run.
        var group = app.MapGroup("/editor/suggestions").RequireAuthorization(AppPolicies.Editor).ExcludeFromDescription();
        group.MapPost("/{id:int}/accept", async (int id, [FromForm] string? confirm, HttpContext http, CorrectionService corrections) =>
        {
            _ = confirm;
            var target = await corrections.AcceptAsync(http.User, id, http.RequestAborted);
            return target is null
                ? Results.Redirect("/editor/suggestions?message=" + Uri.EscapeDataString("That suggestion could not be accepted."))
                : Results.Redirect(target);
        });
        group.MapPost("/{id:int}/reject", async (int id, [FromForm] string? reason, HttpContext http, CorrectionService corrections) =>
        {
            var error = await corrections.RejectAsync(http.User, id, reason, http.RequestAborted);
            return Results.Redirect(error is null ? "/editor/suggestions" : "/editor/suggestions?message=" + Uri.EscapeDataString(error));
        });
        return app;
    }
}
