using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using ComputeDeals.Testing;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Tests.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.ReadModel;

/// <summary>
/// Counts every database command the app executes while serving a request (an EF Core command
/// interceptor that notes the request path from the current HttpContext; background work such as
/// the read model's refresher has none and is not counted).
/// </summary>
public sealed class RequestCommandCounter : DbCommandInterceptor
{
    private readonly HttpContextAccessor _http = new();

    public ConcurrentQueue<string> Commands { get; } = new();

    public void Reset() => Commands.Clear();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    private void Note(DbCommand command)
    {
        if (_http.HttpContext is { } http)
        {
            Commands.Enqueue($"{http.Request.Path}{http.Request.QueryString}: {command.CommandText.Split('\n')[0]}");
        }
    }
}

/// <summary>The app with a <see cref="RequestCommandCounter"/> on every DbContext it creates.</summary>
public sealed class CountingAppFactory : TestAppFactory
{
    public CountingAppFactory()
    {
        WithServices(services =>
        {
            services.AddSingleton(Counter);
            services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(Counter));
            services.ConfigureDbContext<PostgresAppDbContext>(options => options.AddInterceptors(Counter));
        });
    }

    public RequestCommandCounter Counter { get; } = new();
}

/// <summary>
/// Issue 10's hot path: once warm, public pages and API reads are answered from the output cache
/// or the in-memory read model and execute no database command. Runs on SQLite and PostgreSQL.
/// </summary>
public class HotPathTests(CountingAppFactory app) : IClassFixture<CountingAppFactory>
{
    private static readonly string[] PublicReads =
    [
        "/deals/openai-coreweave-2025-05",
        "/companies/cursor",
        "/datacenters/barber-lake",
        "/deals",
        "/deals?sort=value&dir=desc&page=2",
        "/search?q=coreweave",
        "/",
        "/companies",
        "/datacenters",
        "/api/v1/deals",
        "/api/v1/deals/openai-coreweave-2025-05",
        "/api/v1/companies/cursor",
        "/api/v1/datacenters/barber-lake",
        "/api/v1/valuations",
        "/deals/openai-coreweave-2025-05/card.png",
        "/analytics",
        "/api/v1/analytics/capacity",
        "/feeds/deals.atom",
    ];

    [Fact]
    public async Task Warm_public_reads_execute_no_database_command()
    {
        var client = app.NoRedirects();
        foreach (var url in PublicReads)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        app.Counter.Reset();
        foreach (var url in PublicReads)
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }

        Assert.Empty(app.Counter.Commands);
    }

    [Fact]
    public async Task The_counter_sees_a_request_that_does_read_the_store()
    {
        // An unknown slug looks up the slug history (not part of the read model): proof the counter is wired.
        app.Counter.Reset();
        var response = await app.NoRedirects().GetAsync(new Uri("/deals/no-such-deal-anywhere", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(app.Counter.Commands, c => c.StartsWith("/deals/no-such-deal-anywhere", StringComparison.Ordinal));
    }
}
