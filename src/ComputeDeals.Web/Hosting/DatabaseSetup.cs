using ComputeDeals.Web.Data;
using ComputeDeals.Web.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Hosting;

/// <summary>Registers the store and prepares it (migrate, then seed once) at startup.</summary>
public static class DatabaseSetup
{
    public const string ConnectionName = "Default";

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
        builder.Services.AddDbContextFactory<AppDbContext>((services, db) =>
        {
            switch (options.Provider)
            {
                case DatabaseProvider.Sqlite:
                    db.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName));
                    break;
                default:
                    throw new InvalidOperationException($"Database provider {options.Provider} is not available in this build.");
            }

            db.AddInterceptors(services.GetRequiredService<VersioningInterceptor>());
        });
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
            await seeder.SeedIfEmptyAsync(seedDirectory);
        }
    }
}
