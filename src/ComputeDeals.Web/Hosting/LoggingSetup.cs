using Serilog;

namespace ComputeDeals.Web.Hosting;

/// <summary>Serilog from the "Serilog" configuration section: console and a rolling file.</summary>
public static class LoggingSetup
{
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        // AddSerilog (not a static bootstrap logger), and the static Log.Logger left alone, so that several test hosts
        // in one process do not share one: each host's ILogger<T> and request log write to its own sinks, and
        // stopping one host does not silence the others (the default would make every host write to the last one's).
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);
        return builder;
    }

    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger (without it the middleware writes to the static Log.Logger).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
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
