using System.Net.Http.Json;
using System.Security.Cryptography;
using ComputeDeals.Core.Domain;
using ComputeDeals.Testing;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Scale;

/// <summary>Two app instances on one database, as behind a load balancer.</summary>
public class TwoInstanceTests
{
    private const string Slug = "xai-anthropic-colossus-1";

    /// <summary>The data-protection purposes the Identity sign-in cookie uses.</summary>
    private static readonly string[] CookiePurpose =
        ["Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2"];

    private sealed record Probe(string Title, Guid RenderId);

    /// <summary>
    /// A JSON permalink under the content cache policy, as a public API endpoint would be:
    /// each render carries a fresh id, so a repeated id proves the response came from the cache.
    /// </summary>
    private sealed class ProbeEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/test-probe", branch =>
            {
                branch.UseRouting();
                branch.UseOutputCache();
                branch.UseEndpoints(endpoints => endpoints.MapGet("/deals/{slug}", async (string slug, IDbContextFactory<AppDbContext> factory) =>
                {
                    await using var db = await factory.CreateDbContextAsync();
                    var title = await db.Deals.Where(d => d.Slug == slug).Select(d => d.Title).SingleAsync();
                    return new Probe(title, Guid.NewGuid());
                }).CacheOutput(ContentCache.Policy));
            });
            next(app);
        };
    }

    private static void AddProbe(IServiceCollection services) => services.AddSingleton<IStartupFilter, ProbeEndpoint>();

    private static async Task<Probe> GetProbeAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Probe>(new Uri($"/test-probe/deals/{Slug}", UriKind.Relative)))!;

    [Fact]
    public async Task An_edit_through_one_instance_is_served_fresh_by_the_other_within_a_second()
    {
        await using var a = new TestAppFactory().WithServices(AddProbe);
        _ = a.Server;
        await using var b = TestAppFactory.SharingDatabaseWith(a).WithServices(AddProbe);
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();

        var first = await GetProbeAsync(clientB);
        var second = await GetProbeAsync(clientB);
        Assert.Equal(first, second); // B serves the permalink from its output cache
        Assert.DoesNotContain("edited on A", first.Title, StringComparison.Ordinal);

        // An edit through A: the change and its change record in one transaction, then A's invalidation.
        await using (var db = a.CreateDbContext())
        {
            var deal = await db.Deals.SingleAsync(d => d.Slug == Slug);
            deal.Title = "Colossus 1 capacity sale (edited on A)";
            db.ChangeRecords.Add(new ChangeRecord
            {
                At = DateTimeOffset.UtcNow,
                ChangedBy = "editor-a",
                EntityKind = EntityKind.Deal,
                EntityId = deal.Id,
                Action = ChangeAction.Update,
                Changes = """[{"field":"title"}]""",
            });
            await db.SaveChangesAsync();
        }

        await a.Services.GetRequiredService<ContentCache>().InvalidateAsync();

        // B learns of A's write off the request path (LISTEN/NOTIFY on PostgreSQL, a background check on
        // SQLite): poll with a generous bound and require the 1 s freshness the product promises.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var fromB = await GetProbeAsync(clientB);
        while (fromB.Title != "Colossus 1 capacity sale (edited on A)" && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
            fromB = await GetProbeAsync(clientB);
        }

        var latency = watch.Elapsed;
        Console.WriteLine($"Edit on A fresh on B after {latency.TotalMilliseconds:0} ms ({a.Provider})");
        Assert.Equal("Colossus 1 capacity sale (edited on A)", fromB.Title);
        Assert.True(latency < TimeSpan.FromSeconds(1), $"B served the edit after {latency.TotalMilliseconds:0} ms");
        Assert.NotEqual(first.RenderId, fromB.RenderId);
        Assert.Equal(fromB, await GetProbeAsync(clientB)); // and B caches the fresh result again
        Assert.Equal("Colossus 1 capacity sale (edited on A)", (await GetProbeAsync(clientA)).Title);
        var listOnB = await clientB.GetStringAsync(new Uri("/deals", UriKind.Relative));
        Assert.Contains("Colossus 1 capacity sale (edited on A)", listOnB, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_protected_by_one_instance_is_read_by_the_other()
    {
        await using var a = new TestAppFactory();
        _ = a.Server;
        await using var b = TestAppFactory.SharingDatabaseWith(a);
        _ = b.Server;
        await using var elsewhere = new TestAppFactory();
        _ = elsewhere.Server;

        var ticket = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(CookiePurpose[0], CookiePurpose[1..]).Protect("user-42");

        Assert.Equal("user-42", b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(CookiePurpose[0], CookiePurpose[1..]).Unprotect(ticket));
        await using (var db = a.CreateDbContext())
        {
            Assert.Single(await db.DataProtectionKeys.ToListAsync());
        }

        // An instance on another database has other keys: the ring lives in the database, not on the machine.
        var stranger = elsewhere.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(CookiePurpose[0], CookiePurpose[1..]);
        Assert.ThrowsAny<CryptographicException>(() => stranger.Unprotect(ticket));
    }
}
