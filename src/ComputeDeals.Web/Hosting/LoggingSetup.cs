using Serilog;

namespace ComputeDeals.Web.Hosting;

/// <summary>Serilog from the "Serilog" configuration section: console and a rolling file.</summary>
public static class LoggingSetup
{
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        // AddSerilog (not a static bootstrap logger) so several test hosts in one process do not share one.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }

    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("RequestHost", http.Request.Host.Value ?? string.Empty);
                diagnostics.Set("UserAgent", http.Request.Headers.UserAgent.ToString());
                diagnostics.Set("UserName", http.User.Identity?.Name ?? "anonymous");
                diagnostics.Set("Endpoint", http.GetEndpoint()?.DisplayName ?? "none");
            };
            // Health probes and static files are noise at Information level.
            options.GetLevel = (http, _, exception) =>
                exception is not null || http.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments("/_content")
                    || http.Request.Path.StartsWithSegments("/_framework") ? Serilog.Events.LogEventLevel.Verbose
                : Serilog.Events.LogEventLevel.Information;
        });
        return app;
    }
}
