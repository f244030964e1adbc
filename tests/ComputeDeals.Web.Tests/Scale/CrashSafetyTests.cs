using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using ComputeDeals.Testing;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Tests.Scale;

/// <summary>
/// Kills a writing process with SIGKILL in the middle of its writes and checks that the store
/// kept every write it acknowledged, lost nothing half-done and is sound. The writer
/// (tests/ComputeDeals.CrashWriter) opens the store through the app's DatabaseSetup and writes
/// through AppDbContext, printing "ACK slug" after each commit.
/// </summary>
public class CrashSafetyTests
{
    private const int AcksBeforeKill = 150;
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);

    private static string WriterPath =>
        typeof(CrashSafetyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashWriterPath").Value!;

    private sealed record WriterRun(IReadOnlyList<string> Acknowledged, int ExitCode, string Errors);

    private static async Task<WriterRun> RunWriterAsync(TestDatabase database, string run, int? limit, int? killAfter)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WriterPath);
        start.ArgumentList.Add("--Database:Provider=" + database.Provider);
        start.ArgumentList.Add("--ConnectionStrings:Default=" + database.ConnectionString);
        start.ArgumentList.Add("--Crash:Run=" + run);
        if (limit is { } n)
        {
            start.ArgumentList.Add("--Crash:Limit=" + n.ToString(CultureInfo.InvariantCulture));
        }

        using var process = Process.Start(start)!;
        using var guard = new CancellationTokenSource(Guard);
        var errors = process.StandardError.ReadToEndAsync(guard.Token);
        var acknowledged = new List<string>();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(guard.Token) is { } line)
            {
                if (line.StartsWith("ACK ", StringComparison.Ordinal))
                {
                    acknowledged.Add(line[4..]);
                    if (acknowledged.Count == killAfter)
                    {
                        process.Kill(); // SIGKILL: no shutdown, no flush, writers mid-transaction
                    }
                }
            }

            await process.WaitForExitAsync(guard.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        return new WriterRun(acknowledged, process.ExitCode, await errors);
    }

    [Fact]
    public async Task Every_acknowledged_write_survives_a_SIGKILL_in_the_middle_of_the_load()
    {
        await using var database = await TestDatabase.CreateAsync();

        var crashed = await RunWriterAsync(database, "a", limit: null, killAfter: AcksBeforeKill);
        Assert.True(crashed.ExitCode == 137, $"the writer should die by SIGKILL (137), exit {crashed.ExitCode}: {crashed.Errors}");
        Assert.True(crashed.Acknowledged.Count >= AcksBeforeKill);

        // Restart on the same store: it opens, migrates (nothing to do) and takes writes again.
        var restarted = await RunWriterAsync(database, "b", limit: 20, killAfter: null);
        Assert.True(restarted.ExitCode == 0, restarted.Errors);
        Assert.Equal(20, restarted.Acknowledged.Count);

        // And the app itself starts on it and reports healthy.
        await using var app = TestAppFactory.ForDatabase(database);
        using var health = await app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        await using var db = app.CreateDbContext();
        var stored = await db.Companies.Where(c => c.Slug.StartsWith("crash-")).Select(c => new { c.Id, c.Slug }).ToListAsync();
        var slugs = stored.Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);
        Assert.All(crashed.Acknowledged.Concat(restarted.Acknowledged), slug => Assert.Contains(slug, slugs));

        // Each write was one transaction: no company without its change record, or the reverse.
        var ids = stored.Select(c => c.Id).ToHashSet();
        var recorded = await db.ChangeRecords.Where(r => r.ChangedBy == "crash-test").Select(r => r.EntityId).ToListAsync();
        Assert.Equal(ids.Order(), recorded.Order());

        Assert.Equal("ok", await CheckIntegrityAsync(db, database.Provider));
    }

    private static async Task<string> CheckIntegrityAsync(AppDbContext db, DatabaseProvider provider)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        if (provider == DatabaseProvider.Sqlite)
        {
            command.CommandText = "PRAGMA integrity_check";
            return (string)(await command.ExecuteScalarAsync())!;
        }

        // amcheck verifies every B-tree index of the app's tables against its heap; it raises on corruption.
        command.CommandText = """
            CREATE EXTENSION IF NOT EXISTS amcheck;
            SELECT count(bt_index_check(c.oid, true))
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
            WHERE am.amname = 'btree' AND c.relnamespace = 'public'::regnamespace;
            """;
        var checkedIndexes = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        return checkedIndexes > 10 ? "ok" : $"only {checkedIndexes} indexes checked";
    }
}
