using ComputeDeals.Web.Data;
using ComputeDeals.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Bench;

/// <summary>A context factory over a benchmark SQLite file, configured like the app's.</summary>
public sealed class BenchDb(string path) : IDbContextFactory<AppDbContext>
{
    private readonly DbContextOptions<AppDbContext> _options = new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite(
            DatabaseSetup.ResolveSqlitePath($"Data Source={path}", Directory.GetCurrentDirectory()),
            sqlite => sqlite.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
        .Options;

    public AppDbContext CreateDbContext() => new(_options);
}
