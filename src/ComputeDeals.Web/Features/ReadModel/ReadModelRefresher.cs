using System.Data.Common;
using Npgsql;

namespace ComputeDeals.Web.Features.ReadModel;

/// <summary>Settings under "ReadModel".</summary>
public sealed class ReadModelOptions
{
    public const string Section = "ReadModel";

    /// <summary>PostgreSQL channel on which instances announce committed writes.</summary>
    public const string Channel = "computedeals_content";

    /// <summary>
    /// How often an instance looks for writes made by other instances, in milliseconds: on SQLite the
    /// only way it learns of them; on PostgreSQL a safety net behind LISTEN/NOTIFY.
    /// </summary>
    public int PollMilliseconds { get; set; } = 250;

    /// <summary>The safety-net interval on PostgreSQL, where NOTIFY normally arrives first.</summary>
    public int PostgresPollMilliseconds { get; set; } = 5000;
}

/// <summary>
/// Brings writes made by other instances into this instance's read model, off the request path:
/// on PostgreSQL one dedicated connection LISTENs for the notification every write sends after
/// commit (reconnecting after failures), on SQLite a timer checks the change records at
/// <see cref="ReadModelOptions.PollMilliseconds"/>.
/// </summary>
public sealed class ReadModelRefresher(
    ReadModel model, IConfiguration configuration, IOptions<ReadModelOptions> options, ILogger<ReadModelRefresher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public override void Dispose()
    {
        _signal.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var postgres = configuration.GetValue<string>("Database:Provider") is { } provider
            && provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
        var interval = TimeSpan.FromMilliseconds(Math.Max(20, postgres ? options.Value.PostgresPollMilliseconds : options.Value.PollMilliseconds));
        if (postgres)
        {
            _ = Task.Run(() => ListenAsync(stoppingToken), stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(interval, stoppingToken);
                if (model.IsLoaded)
                {
                    await model.RefreshAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(ex, "Read model refresh failed; retrying");
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString(Hosting.DatabaseSetup.ConnectionName);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => _signal.Release();
                await using (var listen = new NpgsqlCommand($"LISTEN {ReadModelOptions.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Anything committed while not listening.
                _signal.Release();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbException or IOException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Lost the LISTEN connection for {Channel}; reconnecting", ReadModelOptions.Channel);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Tells the other instances (PostgreSQL only) that a write committed.</summary>
    public static async Task NotifyAsync(Data.AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_notify('{ReadModelOptions.Channel}', '')", cancellationToken);
        }
    }
}
