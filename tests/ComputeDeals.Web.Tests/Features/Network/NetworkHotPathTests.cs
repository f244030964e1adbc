using System.Net;
using ComputeDeals.Web.Tests.ReadModel;

namespace ComputeDeals.Web.Tests.Features.Network;

/// <summary>/network answers from the read-model snapshot: even a URL nothing has cached yet runs no SQL.</summary>
public class NetworkHotPathTests(CountingAppFactory app) : IClassFixture<CountingAppFactory>
{
    [Fact]
    public async Task An_uncached_network_view_executes_no_database_command()
    {
        var client = app.NoRedirects();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/network", UriKind.Relative))).StatusCode);

        app.Counter.Reset();
        // Views no earlier request asked for (so the output cache cannot answer them): another date, type and size.
        foreach (var url in new[] { "/network?asOf=2026-03-01&top=123", "/network?type=investment&minValue=1B", "/network?from=2025-01-01&to=2025-12-31" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("cd-network-svg", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(app.Counter.Commands, c => c.StartsWith("/network", StringComparison.Ordinal));
    }
}
