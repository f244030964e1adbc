using System.Globalization;
using ComputeDeals.Core.Domain;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Usage: dotnet ComputeDeals.CrashWriter.dll --Database:Provider=Sqlite|Postgres --ConnectionStrings:Default=...
//        --Crash:Run=a [--Crash:Writers=4] [--Crash:Limit=N]
// Prints "READY" once the store is migrated, then "ACK <slug>" after each committed write.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:SeedOnStart"] = "false" });
builder.AddDatabase();
await using var app = builder.Build();
await app.PrepareDatabaseAsync();

var run = builder.Configuration["Crash:Run"] ?? "run";
var writers = builder.Configuration.GetValue("Crash:Writers", 4);
var limit = builder.Configuration.GetValue("Crash:Limit", int.MaxValue);
var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
var time = app.Services.GetRequiredService<TimeProvider>();
Console.WriteLine("READY");

var next = 0;
await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
{
    while (Interlocked.Increment(ref next) is var n && n <= limit)
    {
        var slug = string.Create(CultureInfo.InvariantCulture, $"crash-{run}-{n}");
        await using var db = await factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var company = new Company { Name = "Crash " + slug, Slug = slug, Kind = CompanyKind.Other };
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        db.ChangeRecords.Add(new ChangeRecord
        {
            At = time.GetUtcNow(),
            ChangedBy = "crash-test",
            EntityKind = EntityKind.Company,
            EntityId = company.Id,
            Action = ChangeAction.Create,
        });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        Console.WriteLine("ACK " + slug);
    }
})));
