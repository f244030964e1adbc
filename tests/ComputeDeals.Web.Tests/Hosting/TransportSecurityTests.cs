using System.Net;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Hosting;

/// <summary>The app in Production behind a TLS-terminating proxy at 10.0.0.5.</summary>
public sealed class ProductionBehindProxyApp : TestAppFactory
{
    public const string ClientAddressHeader = "X-Test-Connection-From";

    public ProductionBehindProxyApp()
    {
        With("environment", "Production");
        With("ForwardedHeaders:KnownProxies:0", "10.0.0.5");
        // The in-memory test server has no TCP peer: take the connection's address from a test header.
        WithServices(services => services.AddSingleton<IStartupFilter, ConnectionAddressFilter>());
    }

    private sealed class ConnectionAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var from))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(from.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public class TransportSecurityTests(ProductionBehindProxyApp app) : IClassFixture<ProductionBehindProxyApp>
{
    private async Task<HttpResponseMessage> SignInThroughAsync(string proxy, string email)
    {
        await app.CreateUserAsync(email, AppRoles.Editor);
        var client = app.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add(ProductionBehindProxyApp.ClientAddressHeader, proxy);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        client.DefaultRequestHeaders.Host = "computedeals.example";
        return await client.SignInAsync(email);
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cd-auth=", StringComparison.Ordinal));

    [Fact]
    public async Task Behind_the_configured_proxy_an_https_request_gets_a_secure_cookie_and_hsts()
    {
        var response = await SignInThroughAsync("10.0.0.5", "tls-known@example.com");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("; secure", AuthCookie(response), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        var response = await SignInThroughAsync("10.0.0.9", "tls-unknown@example.com");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("; secure", AuthCookie(response), StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_content_security_policy_allows_connections_only_to_this_origin()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("ws:", policy, StringComparison.Ordinal);
    }
}
