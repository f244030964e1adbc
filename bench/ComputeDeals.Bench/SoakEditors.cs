using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Features.ReadModel;
using ComputeDeals.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Bench;

/// <summary>
/// The editors of bench/soak.sh: N editors, each saving its own deal through DealEditor (the write service
/// the forms use) as fast as it can for the given time, on the same database as the running app. At the end
/// every acknowledged save must be in the database: the last summary and one change record per save.
/// </summary>
/// <remarks>
/// Every editor gets its account and deal first, then all of them start on one clock, each on its own
/// thread-pool task. Microsoft.Data.Sqlite completes its "async" calls synchronously, so an editor started
/// without <see cref="Task.Run(Func{Task})"/> never yields: on SQLite the first editor used to run its
/// whole window before the second one even began (and the process ran a second window past the soak's end).
/// </remarks>
public static class SoakEditors
{
    public static async Task<int> RunAsync(string provider, string connection, int seconds, int editors)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration["Database:Provider"] = provider;
        builder.Configuration["ConnectionStrings:Default"] = connection;
        builder.Configuration["Database:MigrateOnStart"] = "false";
        builder.Configuration["Database:SeedOnStart"] = "false";
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        builder.Configuration["Serilog:WriteTo:1:Args:configure:0:Args:path"] = Path.Combine(Path.GetTempPath(), "computedeals-soak-editors-.log");
        // The same registrations as the app (Program.cs), without the HTTP pipeline.
        builder.AddComputeDeals();
        await using var app = builder.Build();
        await app.LoadReadModelAsync();

        // The roles once, before the editors add their accounts (two first-time inserts of a role collide).
        await using (var setup = app.Services.CreateAsyncScope())
        {
            await UserAdminService.EnsureRolesAsync(setup.ServiceProvider);
        }

        var sessions = new List<EditorSession>();
        for (var i = 1; i <= editors; i++)
        {
            sessions.Add(await EditorSession.StartAsync(app.Services, i));
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        var results = await Task.WhenAll(sessions.Select(s => Task.Run(() => s.EditUntilAsync(deadline))));
        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }

        var errors = results.Sum(r => r.Errors);
        var lost = results.Sum(r => r.Lost);
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"editor {r.Editor}: {r.Acknowledged} saves acknowledged, {r.Errors} errors, {r.Lost} lost"));
        }

        var latencies = results.SelectMany(r => r.Milliseconds).Order().ToList();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"editors total: {results.Sum(r => r.Acknowledged)} saves, {errors} errors, {lost} lost acknowledged saves, save p50 {Percentile(latencies, 0.50):0} ms, p99 {Percentile(latencies, 0.99):0} ms, max {(latencies.Count == 0 ? 0 : latencies[^1]):0} ms"));
        return errors == 0 && lost == 0 ? 0 : 1;
    }

    /// <summary>The nearest-rank percentile of sorted values (0 when there are none).</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed record EditorResult(int Editor, int Acknowledged, int Errors, int Lost, List<double> Milliseconds);

    /// <summary>One editor: an account, a scope of its own and the deal it keeps saving.</summary>
    private sealed class EditorSession(int number, AsyncServiceScope scope, IServiceProvider services, ClaimsPrincipal editor, int dealId) : IAsyncDisposable
    {
        public static async Task<EditorSession> StartAsync(IServiceProvider services, int number)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"soak-editor-{number}-{Guid.NewGuid():N}@example.com");
            var scope = services.CreateAsyncScope();
            var added = await UserAdminService.AddUserAsync(scope.ServiceProvider, email, Guid.NewGuid().ToString("N") + "-soak", AppRoles.Editor);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", added.Errors.Select(e => e.Description)));
            }

            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var companies = await db.Companies.OrderBy(c => c.Id).Select(c => c.Id).Take(2).ToListAsync();
            var editor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, email)], "soak"));
            var created = await scope.ServiceProvider.GetRequiredService<DealEditor>().SaveAsync(editor, new Deal
            {
                Title = $"Soak deal {number} {Guid.NewGuid():N}",
                Slug = string.Empty,
                AnnouncedOn = new DateOnly(2026, 1, 15),
                Type = DealType.CapacitySaleOrLease,
                Status = DealStatus.Announced,
                Value = Figure.Undisclosed(),
                Parties = [new DealParty { CompanyId = companies[0], Role = PartyRole.Seller }, new DealParty { CompanyId = companies[1], Role = PartyRole.Buyer }],
                Summary = "soak 0",
            });
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"The soak deal was not created: {created.Outcome} {created.Errors}");
            }

            return new EditorSession(number, scope, services, editor, created.Id);
        }

        public async Task<EditorResult> EditUntilAsync(long deadline)
        {
            var deals = scope.ServiceProvider.GetRequiredService<DealEditor>();
            int acknowledged = 0, errors = 0;
            string? last = null;
            var milliseconds = new List<double>();
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var deal = await deals.LoadAsync(dealId) ?? throw new InvalidOperationException("The soak deal vanished.");
                    var summary = string.Create(CultureInfo.InvariantCulture, $"soak {number} save {acknowledged + 1}");
                    deal.Summary = summary;
                    var result = await deals.SaveAsync(editor, deal);
                    if (result.Succeeded)
                    {
                        acknowledged++;
                        last = summary;
                    }
                    else
                    {
                        errors++;
                        Console.Error.WriteLine($"editor {number}: save answered {result.Outcome} {result.Errors}");
                    }
                }
#pragma warning disable CA1031 // A soak counts every failure and keeps going.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    errors++;
                    Console.Error.WriteLine($"editor {number}: {e.GetType().Name}: {e.Message}");
                }

                milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            await using var check = services.CreateAsyncScope();
            var checkDb = check.ServiceProvider.GetRequiredService<AppDbContext>();
            var saved = await checkDb.Deals.IgnoreQueryFilters().Where(d => d.Id == dealId).Select(d => d.Summary).SingleAsync();
            var records = await checkDb.ChangeRecords.CountAsync(c => c.EntityKind == EntityKind.Deal && c.EntityId == dealId);
            // One change record for the creation plus one per acknowledged save.
            var lost = (last is not null && saved != last ? 1 : 0) + Math.Max(0, acknowledged + 1 - records);
            return new EditorResult(number, acknowledged, errors, lost, milliseconds);
        }

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
