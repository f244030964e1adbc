using System.Net;
using System.Text.Json;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Tests.Scale;

/// <summary>
/// The behaviours the two stores must share. test.sh runs this class once on SQLite and once on
/// a real PostgreSQL server (COMPUTEDEALS_TEST_PROVIDER=Postgres).
/// </summary>
public class ProviderParityTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private async Task<AppDbContext> OpenAsync()
    {
        _ = app.Server; // start the host: migrate and seed
        return await Task.FromResult(app.CreateDbContext());
    }

    private static Company NewCompany(string slug) => new() { Name = "Parity " + slug, Slug = slug, Kind = CompanyKind.Other };

    [Fact]
    public async Task The_app_runs_on_the_store_the_environment_names()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var provider = health.RootElement.GetProperty("checks").GetProperty("database").GetProperty("data").GetProperty("provider").GetString();
        var expected = app.Provider == DatabaseProvider.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite";
        Assert.Equal(expected, provider);
        await using var db = app.CreateDbContext();
        Assert.Equal(app.Provider == DatabaseProvider.Postgres ? typeof(PostgresAppDbContext) : typeof(AppDbContext), db.GetType());
    }

    [Fact]
    public void Each_migrations_set_matches_the_current_model()
    {
        using var sqlite = new DesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges(), "The SQLite migrations are behind the model: add one with dotnet ef migrations add.");
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(postgres.Database.HasPendingModelChanges(), "The PostgreSQL migrations are behind the model: run scripts/postgres-migrations.sh.");
    }

    [Fact]
    public async Task A_save_holding_a_stale_concurrency_token_is_refused()
    {
        await using (var db = await OpenAsync())
        {
            db.Companies.Add(NewCompany("parity-token"));
            await db.SaveChangesAsync();
        }

        await using var first = app.CreateDbContext();
        await using var second = app.CreateDbContext();
        var mine = await first.Companies.SingleAsync(c => c.Slug == "parity-token");
        var theirs = await second.Companies.SingleAsync(c => c.Slug == "parity-token");
        mine.Description = "first edit";
        await first.SaveChangesAsync();
        theirs.Description = "second edit from a stale copy";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = app.CreateDbContext();
        Assert.Equal("first edit", (await check.Companies.SingleAsync(c => c.Slug == "parity-token")).Description);
    }

    [Fact]
    public async Task Search_on_lowered_text_matches_any_case()
    {
        await using var db = await OpenAsync();

        var byLike = await db.Companies.Where(c => EF.Functions.Like(c.Name.ToLower(), "%" + "XAI".ToLowerInvariant() + "%"))
            .Select(c => c.Slug).ToListAsync();
        var byPrefix = await db.Companies.Where(c => EF.Functions.Like(c.Name.ToLower(), "corew%")).Select(c => c.Slug).ToListAsync();
        var exact = await db.Companies.Where(c => c.Name == "XAI").CountAsync();

        Assert.Equal(["xai"], byLike);
        Assert.Equal(["coreweave"], byPrefix);
        Assert.Equal(0, exact); // plain equality stays case-sensitive on both stores
    }

    [Fact]
    public async Task Money_is_summed_and_compared_in_SQL()
    {
        int companyId;
        await using (var db = await OpenAsync())
        {
            var company = NewCompany("parity-money");
            db.Companies.Add(company);
            db.Valuations.AddRange(
                new Valuation { Company = company, AsOf = new DateOnly(2025, 1, 1), Amount = Figure.Exact(1.5e9) },
                new Valuation { Company = company, AsOf = new DateOnly(2025, 6, 1), Amount = Figure.Range(2e9, 3e9) },
                new Valuation { Company = company, AsOf = new DateOnly(2026, 1, 1), Amount = Figure.UpTo(4.25e9) },
                new Valuation { Company = company, AsOf = new DateOnly(2026, 2, 1), Amount = Figure.Undisclosed() });
            await db.SaveChangesAsync();
            companyId = company.Id;
        }

        await using var read = app.CreateDbContext();
        var valuations = read.Valuations.Where(v => v.CompanyId == companyId);

        Assert.Equal(8.75e9, await valuations.SumAsync(v => v.Amount.High));
        Assert.Equal(3.5e9, await valuations.SumAsync(v => v.Amount.Low));
        Assert.Equal(2, await valuations.CountAsync(v => v.Amount.High >= 3e9));
        Assert.Equal(4.25e9, await valuations.MaxAsync(v => v.Amount.High));
        Assert.Equal(
            [new DateOnly(2026, 1, 1), new DateOnly(2025, 6, 1), new DateOnly(2025, 1, 1)],
            await valuations.Where(v => v.Amount.High != null).OrderByDescending(v => v.Amount.High).Select(v => v.AsOf).ToListAsync());
    }

    [Fact]
    public async Task Capacity_in_MW_is_summed_in_SQL_like_in_memory()
    {
        await using var db = await OpenAsync();

        var inMemory = (await db.CapacityRows.Select(r => r.Power.High).ToListAsync()).Sum();
        var inSql = await db.CapacityRows.SumAsync(r => r.Power.High);

        Assert.NotNull(inSql);
        Assert.True(inSql > 0);
        Assert.Equal(inMemory!.Value, inSql!.Value, precision: 6);
    }

    [Fact]
    public async Task Times_are_stored_and_compared_in_UTC()
    {
        var at = new DateTimeOffset(2026, 3, 1, 12, 30, 15, TimeSpan.Zero).AddMilliseconds(123); // SQLite keeps milliseconds (DateTimeOffsetToBinaryConverter), PostgreSQL microseconds
        await using (var db = await OpenAsync())
        {
            db.ChangeRecords.Add(new ChangeRecord { At = at, ChangedBy = "parity-time", EntityKind = EntityKind.Company, EntityId = 1, Action = ChangeAction.Update });
            db.ChangeRecords.Add(new ChangeRecord { At = at.AddHours(-1), ChangedBy = "parity-time", EntityKind = EntityKind.Company, EntityId = 1, Action = ChangeAction.Update });
            await db.SaveChangesAsync();
        }

        await using var read = app.CreateDbContext();
        var latest = await read.ChangeRecords.Where(c => c.ChangedBy == "parity-time").OrderByDescending(c => c.At).FirstAsync();
        var inWindow = await read.ChangeRecords.CountAsync(c => c.ChangedBy == "parity-time" && c.At > at.AddMinutes(-30) && c.At <= at);

        Assert.Equal(at, latest.At);
        Assert.Equal(TimeSpan.Zero, latest.At.Offset);
        Assert.Equal(1, inWindow);
    }

    [Fact]
    public async Task Enums_are_stored_by_name()
    {
        await using var db = await OpenAsync();

        var types = await db.Database
            .SqlQueryRaw<string>("""SELECT "Type" AS "Value" FROM "Deals" WHERE "Slug" = 'xai-anthropic-colossus-1'""")
            .ToListAsync();

        Assert.Equal(["CapacitySaleOrLease"], types);
    }

    [Fact]
    public async Task Commits_are_durable_on_each_store()
    {
        await using var db = await OpenAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        async Task<string> ScalarAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
        }

        if (app.Provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode"));
            Assert.Equal("2", await ScalarAsync("PRAGMA synchronous")); // 2 = FULL
        }
        else
        {
            Assert.Equal("on", await ScalarAsync("SHOW synchronous_commit"));
            Assert.Equal("UTF8", await ScalarAsync("SHOW server_encoding"));
        }
    }
}
