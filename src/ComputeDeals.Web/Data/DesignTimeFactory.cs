using Microsoft.EntityFrameworkCore.Design;

namespace ComputeDeals.Web.Data;

/// <summary>Lets dotnet-ef create the SQLite context without starting the app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>
/// Lets dotnet-ef create the PostgreSQL context without a server: adding a migration or
/// scripting one needs only the model. Pass a connection string after "--" to update a database.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args)
    {
        var connectionString = args.Length > 0 ? args[0] : "Host=localhost;Database=computedeals";
        return new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options);
    }
}
