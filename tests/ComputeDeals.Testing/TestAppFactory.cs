using System.Net;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ComputeDeals.Testing;

/// <summary>
/// The real app over a fresh database (SQLite in a temporary folder, or PostgreSQL when
/// COMPUTEDEALS_TEST_PROVIDER=Postgres, see <see cref="TestDatabase"/>), migrated and seeded from
/// data/seed. One instance per test class (IClassFixture); disposed with its database.
/// <see cref="SharingDatabaseWith"/> starts a second instance on the same database.
/// </summary>
public class TestAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("computedeals-test-").FullName;
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly bool _ownsDatabase;
    private bool _kestrel;
    private bool _disposed;

    public TestAppFactory()
        : this(TestDatabase.Create(), ownsDatabase: true)
    {
    }

    protected TestAppFactory(TestDatabase database, bool ownsDatabase)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>The database this app runs on.</summary>
    public TestDatabase Database { get; }

    public DatabaseProvider Provider => Database.Provider;

    /// <summary>The SQLite file (SQLite only).</summary>
    public string DatabasePath => Database.SqlitePath ?? throw new InvalidOperationException("This app runs on PostgreSQL.");

    /// <summary>Base address of the real Kestrel server after <see cref="StartKestrel"/>.</summary>
    public Uri? ServerAddress { get; private set; }

    /// <summary>A second app instance on this one's database; dispose it before this one.</summary>
    public static TestAppFactory SharingDatabaseWith(TestAppFactory other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ForDatabase(other.Database);
    }

    /// <summary>An app instance on an existing database, which the caller keeps and deletes.</summary>
    public static TestAppFactory ForDatabase(TestDatabase database) => new(database, ownsDatabase: false);

    /// <summary>Adds a configuration value before the host starts.</summary>
    public TestAppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Adds or replaces services before the host starts (after the app's own registrations).</summary>
    public TestAppFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Starts a real Kestrel server on a free loopback port (for the browser tests).</summary>
    public Uri StartKestrel()
    {
        _kestrel = true;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        ServerAddress = new Uri(addresses.Addresses.First());
        return ServerAddress;
    }

    /// <summary>A fresh DbContext on the test database.</summary>
    public AppDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_kestrel ? "Development" : "Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Test classes sign in many times a minute from one address; the tests of the budgets set their own.
        builder.UseSetting("Accounts:SignInAttemptsPerMinute", "10000");
        builder.UseSetting("Accounts:SignInAttemptsPerMinutePerAddress", "10000");
        builder.UseSetting("Accounts:SignInMinimumDuration", "00:00:00.050");
        builder.UseSetting("Serilog:WriteTo:1:Args:configure:0:Args:path", Path.Combine(_directory, "logs", "test-.log"));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        foreach (var configure in _services)
        {
            builder.ConfigureServices(configure);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still open by a finishing background flush; the OS temp cleaner will take it.
        }

        GC.SuppressFinalize(this);
    }
}
