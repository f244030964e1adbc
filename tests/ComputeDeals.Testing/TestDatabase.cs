using ComputeDeals.Web.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ComputeDeals.Testing;

/// <summary>
/// An empty database for one test app (or shared by several): a SQLite file in a temporary
/// folder, or a fresh PostgreSQL database on the server that COMPUTEDEALS_TEST_POSTGRES names.
/// The provider comes from COMPUTEDEALS_TEST_PROVIDER (Sqlite, the default, or Postgres), which
/// is how test.sh runs the same suite against both stores. Disposing deletes the database.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ProviderVariable = "COMPUTEDEALS_TEST_PROVIDER";
    public const string ServerVariable = "COMPUTEDEALS_TEST_POSTGRES";

    private readonly string? _directory;
    private bool _disposed;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? directory, string? sqlitePath, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
        SqlitePath = sqlitePath;
        PostgresName = postgresName;
    }

    /// <summary>The store the tests run against, from the environment.</summary>
    public static DatabaseProvider ProviderFromEnvironment =>
        Environment.GetEnvironmentVariable(ProviderVariable) is { Length: > 0 } name
            ? Enum.Parse<DatabaseProvider>(name, ignoreCase: true)
            : DatabaseProvider.Sqlite;

    public DatabaseProvider Provider { get; }

    /// <summary>The app's ConnectionStrings:Default for this database.</summary>
    public string ConnectionString { get; }

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqlitePath { get; }

    /// <summary>The PostgreSQL database name, or null on SQLite.</summary>
    public string? PostgresName { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider? provider = null)
    {
        switch (provider ?? ProviderFromEnvironment)
        {
            case DatabaseProvider.Sqlite:
                var directory = Directory.CreateTempSubdirectory("computedeals-db-").FullName;
                var path = Path.Combine(directory, "test.db");
                return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={path}", directory, path, null);
            case DatabaseProvider.Postgres:
                var name = "cd_test_" + Guid.NewGuid().ToString("N");
                await using (var admin = await OpenServerAsync())
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                    await create.ExecuteNonQueryAsync();
                }

                var csb = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name };
                return new TestDatabase(DatabaseProvider.Postgres, csb.ConnectionString, null, null, name);
            default:
                throw new InvalidOperationException($"Unknown provider in {ProviderVariable}.");
        }
    }

    /// <summary>Synchronous form for fixture constructors.</summary>
    public static TestDatabase Create(DatabaseProvider? provider = null) =>
        CreateAsync(provider).GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory!, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a finishing background task; the OS temp cleaner will take it.
            }

            return;
        }

        await using (var own = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(own);
        }

        await using var admin = await OpenServerAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{ProviderVariable}=Postgres needs {ServerVariable} (e.g. \"Host=127.0.0.1;Port=5432;Username=postgres\"); test.sh sets both.");

    private static async Task<NpgsqlConnection> OpenServerAsync()
    {
        var csb = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(csb.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
