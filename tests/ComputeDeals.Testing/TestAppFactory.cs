using System.Net;
using ComputeDeals.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ComputeDeals.Testing;

/// <summary>
/// The real app over a fresh SQLite database in a temporary folder, migrated and seeded from
/// data/seed. One instance per test class (IClassFixture); disposed with its folder.
/// </summary>
public class TestAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("computedeals-test-").FullName;
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private bool _kestrel;

    public string DatabasePath => Path.Combine(_directory, "test.db");

    /// <summary>Base address of the real Kestrel server after <see cref="StartKestrel"/>.</summary>
    public Uri? ServerAddress { get; private set; }

    /// <summary>Adds a configuration value before the host starts.</summary>
    public TestAppFactory With(string key, string? value)
    {
        _settings[key] = value;
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
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_directory, "logs", "test-.log"));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still open by a finishing background flush; the OS temp cleaner will take it.
        }
    }
}
