using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ComputeDeals.Web.Hosting;

/// <summary>
/// Behind a TLS-terminating reverse proxy: X-Forwarded-For and X-Forwarded-Proto are believed only
/// from loopback and the addresses in <c>ForwardedHeaders:KnownProxies</c>, so a request that reached
/// the proxy over HTTPS counts as HTTPS (Secure cookies, HSTS). HSTS is sent in Production only.
/// </summary>
public static class TransportSecuritySetup
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";

    public static WebApplicationBuilder AddTransportSecurity(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                    ? address
                    : throw new InvalidOperationException($"{KnownProxiesKey} holds \"{proxy}\", which is not an IP address."));
            }
        });
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });
        return builder;
    }

    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
        }

        return app;
    }
}
