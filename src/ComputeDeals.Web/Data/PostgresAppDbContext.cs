namespace ComputeDeals.Web.Data;

/// <summary>
/// The same model on PostgreSQL. EF Core keeps one migrations set per context type, so this
/// subclass exists only to own Data/Migrations/Postgres; everything else injects
/// <see cref="AppDbContext"/> and receives an instance of this type when the provider is Postgres.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
