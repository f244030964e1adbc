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

        // The roles once, before the editors add their accounts side by side (two first-time inserts of a role collide).
        await using (var setup = app.Services.CreateAsyncScope())
        {
            await UserAdminService.EnsureRolesAsync(setup.ServiceProvider);
        }

        var duration = (long)(seconds * (double)Stopwatch.Frequency);
        var results = await Task.WhenAll(Enumerable.Range(1, editors).Select(i => EditAsync(app.Services, i, duration)));
        var errors = results.Sum(r => r.Errors);
        var lost = results.Sum(r => r.Lost);
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"editor {r.Editor}: {r.Acknowledged} saves acknowledged, {r.Errors} errors, {r.Lost} lost"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"editors total: {results.Sum(r => r.Acknowledged)} saves, {errors} errors, {lost} lost acknowledged saves"));
        return errors == 0 && lost == 0 ? 0 : 1;
    }

    private sealed record EditorResult(int Editor, int Acknowledged, int Errors, int Lost);

    private static async Task<EditorResult> EditAsync(IServiceProvider services, int number, long duration)
    {
        var email = string.Create(CultureInfo.InvariantCulture, $"soak-editor-{number}-{Guid.NewGuid():N}@example.com");
        await using var scope = services.CreateAsyncScope();
        var added = await UserAdminService.AddUserAsync(scope.ServiceProvider, email, Guid.NewGuid().ToString("N") + "-soak", AppRoles.Editor);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", added.Errors.Select(e => e.Description)));
        }

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var companies = await db.Companies.OrderBy(c => c.Id).Select(c => c.Id).Take(2).ToListAsync();
        var editor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, email)], "soak"));
        var deals = scope.ServiceProvider.GetRequiredService<DealEditor>();
        var created = await deals.SaveAsync(editor, new Deal
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

        // The clock starts once this editor has its account and deal.
        var deadline = Stopwatch.GetTimestamp() + duration;
        int acknowledged = 0, errors = 0;
        string? last = null;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                var deal = await deals.LoadAsync(created.Id) ?? throw new InvalidOperationException("The soak deal vanished.");
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
        }

        await using var check = services.CreateAsyncScope();
        var checkDb = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var saved = await checkDb.Deals.IgnoreQueryFilters().Where(d => d.Id == created.Id).Select(d => d.Summary).SingleAsync();
        var records = await checkDb.ChangeRecords.CountAsync(c => c.EntityKind == EntityKind.Deal && c.EntityId == created.Id);
        // One change record for the creation plus one per acknowledged save.
        var lost = (last is not null && saved != last ? 1 : 0) + Math.Max(0, acknowledged + 1 - records);
        return new EditorResult(number, acknowledged, errors, lost);
    }
}
