using System.Data.Common;
using ComputeDeals.Web.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ComputeDeals.Web.Hosting;

/// <summary>Registers the store and prepares it (migrate, then seed once) at startup.</summary>
public static class DatabaseSetup
{
    public const string ConnectionName = "Default";

    /// <summary>PostgreSQL advisory-lock key that serializes seeding across instances.</summary>
    private const long SeedLockKey = 0x436F6D7075746544;

    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set.");
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            connectionString = ResolveSqlitePath(connectionString, builder.Environment.ContentRootPath);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<VersioningInterceptor>();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.Services.AddDbContextFactory<AppDbContext>((services, db) =>
                {
                    db.UseSqlite(connectionString);
                    db.AddInterceptors(services.GetRequiredService<VersioningInterceptor>(), SqliteDurability.Instance);
                });
                break;
            case DatabaseProvider.Postgres:
                // The PostgreSQL context is a subclass that owns its own migrations; callers keep
                // injecting IDbContextFactory<AppDbContext> and AppDbContext.
                builder.Services.AddDbContextFactory<PostgresAppDbContext>((services, db) =>
                {
                    db.UseNpgsql(connectionString);
                    db.AddInterceptors(services.GetRequiredService<VersioningInterceptor>());
                });
                builder.Services.AddSingleton<IDbContextFactory<AppDbContext>, PostgresContextFactory>();
                builder.Services.TryAddScoped<AppDbContext>(services =>
                    services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
                break;
            default:
                throw new InvalidOperationException($"Database provider {options.Provider} is not supported.");
        }

        builder.Services.AddScoped<SeedLoader>();
        return builder;
    }

    /// <summary>Makes a relative SQLite file path absolute against the content root and creates its folder.</summary>
    public static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource != ":memory:" && !string.IsNullOrEmpty(csb.DataSource) && csb.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }

        // Writers wait for a lock instead of failing at once.
        csb.DefaultTimeout = Math.Max(csb.DefaultTimeout, 30);
        return csb.ToString();
    }

    /// <summary>Applies migrations, switches SQLite to WAL, and seeds an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.OpenConnectionAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                await db.Database.CloseConnectionAsync();
            }

            if (options.MigrateOnStart)
            {
                await db.Database.MigrateAsync();
            }
        }

        if (options.SeedOnStart)
        {
            var seeder = scope.ServiceProvider.GetRequiredService<SeedLoader>();
            var seedDirectory = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, options.SeedDirectory));
            if (!Directory.Exists(seedDirectory))
            {
                // A publish folder carries its own copy of data/seed (see the .csproj) in "seed".
                seedDirectory = Path.Combine(app.Environment.ContentRootPath, "seed");
            }

            // Several instances may start at once on one PostgreSQL database: only one seeds.
            await using var lockDb = await factory.CreateDbContextAsync();
            var postgres = lockDb.Database.IsNpgsql();
            if (postgres)
            {
                await lockDb.Database.OpenConnectionAsync();
                await lockDb.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({SeedLockKey})");
            }

            try
            {
                await seeder.SeedIfEmptyAsync(seedDirectory);
            }
            finally
            {
                if (postgres)
                {
                    await lockDb.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({SeedLockKey})");
                }
            }
        }
    }
}

/// <summary>Hands out the PostgreSQL context wherever an <see cref="AppDbContext"/> factory is asked for.</summary>
internal sealed class PostgresContextFactory(IDbContextFactory<PostgresAppDbContext> inner) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}

/// <summary>
/// synchronous=FULL is a per-connection SQLite setting: with WAL it syncs the log on every
/// commit, so an acknowledged write survives a crash of the process and of the machine.
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    private const string Pragma = "PRAGMA synchronous=FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
