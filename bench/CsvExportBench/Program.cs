using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

// Streams /api/v1/deals.csv from a real server process over a database of generated deals and
// records the server's peak resident memory (VmHWM) against the number of rows exported.
// Usage: CsvExportBench <path to ComputeDeals.Web.dll> [total deals, default 100000]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: CsvExportBench <ComputeDeals.Web.dll> [deals]");
    return 2;
}

var webDll = Path.GetFullPath(args[0]);
var total = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var work = Directory.CreateTempSubdirectory("computedeals-bench-").FullName;
var dbPath = Path.Combine(work, "bench.db");
var connectionString = $"Data Source={dbPath}";

var stopwatch = Stopwatch.StartNew();
await GenerateAsync(connectionString, total);
Console.WriteLine($"generated {total:N0} deals in {stopwatch.Elapsed.TotalSeconds:F1} s ({new FileInfo(dbPath).Length / 1e6:F0} MB)");

// Deal i is announced on day i / 10 after 1990-01-01, so "to" selects the first n rows exactly.
var first = new DateOnly(1990, 1, 1);
var sizes = new[] { 1_000, 10_000, 50_000, 100_000 }.Where(n => n <= total).ToArray();
Console.WriteLine("| rows exported | CSV size | time | server RSS before | server peak RSS (VmHWM) | peak - before |");
Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var rows in sizes)
{
    var to = first.AddDays((rows / 10) - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    var result = await MeasureAsync(webDll, connectionString, $"/api/v1/deals.csv?from=1990-01-01&to={to}&sort=date&dir=asc");
    Console.WriteLine(
        $"| {result.Rows:N0} | {result.Bytes / 1e6:F1} MB | {result.Seconds:F1} s | {result.RssBefore / 1e6:F0} MB | {result.PeakRss / 1e6:F0} MB | {(result.PeakRss - result.RssBefore) / 1e6:F0} MB |");
    if (result.Rows != rows)
    {
        Console.Error.WriteLine($"expected {rows} rows, got {result.Rows}");
        return 1;
    }
}

Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(work, recursive: true);
return 0;

static async Task GenerateAsync(string connectionString, int total)
{
    var options = new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
        .Options;
    await using (var db = new AppDbContext(options))
    {
        await db.Database.MigrateAsync();
        for (var c = 0; c < 40; c++)
        {
            db.Companies.Add(new Company { Name = $"Company {c}", Slug = $"company-{c}", Kind = (CompanyKind)(c % 7), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
        }

        await db.SaveChangesAsync();
    }

    var random = new Random(42);
    var start = new DateOnly(1990, 1, 1);
    const int batch = 5_000;
    for (var offset = 0; offset < total; offset += batch)
    {
        await using var db = new AppDbContext(options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = offset; i < Math.Min(total, offset + batch); i++)
        {
            var seller = random.Next(1, 41);
            var buyer = (seller % 40) + 1;
            db.Deals.Add(new Deal
            {
                Slug = $"generated-deal-{i}",
                Title = $"Generated deal {i}: Company {seller - 1} sells capacity to Company {buyer - 1}",
                AnnouncedOn = start.AddDays(i / 10),
                AnnouncedPrecision = DatePrecision.Day,
                Type = (DealType)(i % 7),
                Status = (DealStatus)(i % 4),
                Value = i % 5 == 0 ? Figure.Undisclosed() : Figure.Range(random.Next(1, 100) * 1e8, random.Next(100, 200) * 1e8),
                Capacity = i % 3 == 0 ? null : Figure.About(random.Next(10, 2000)),
                Summary = "A generated deal, with a comma, a \"quote\" and\na line break, so that every row needs quoting.",
                IsPublished = true,
                PublishedAt = DateTimeOffset.UtcNow,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
                Parties =
                [
                    new DealParty { CompanyId = seller, Role = PartyRole.Seller },
                    new DealParty { CompanyId = buyer, Role = PartyRole.Buyer },
                ],
            });
        }

        await db.SaveChangesAsync();
    }
}

static async Task<Measurement> MeasureAsync(string webDll, string connectionString, string url)
{
    var port = FreePort();
    var info = new ProcessStartInfo("dotnet", [webDll, "--urls", $"http://127.0.0.1:{port}"])
    {
        WorkingDirectory = Path.GetDirectoryName(webDll)!,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    info.Environment["ConnectionStrings__Default"] = connectionString;
    info.Environment["Database__SeedOnStart"] = "false";
    info.Environment["Api__RateLimit__PermitLimit"] = "100000";
    info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
    using var server = Process.Start(info)!;
    server.OutputDataReceived += (_, _) => { };
    server.ErrorDataReceived += (_, _) => { };
    server.BeginOutputReadLine();
    server.BeginErrorReadLine();
    try
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
        await WaitForHealthAsync(http);
        // Warm up the CSV path (JIT, EF model, connection pool) on a tiny slice.
        await http.GetStringAsync(new Uri("/api/v1/deals.csv?from=1990-01-01&to=1990-01-01", UriKind.Relative));
        GC.Collect();
        var before = ReadStatus(server.Id, "VmRSS:");

        var stopwatch = Stopwatch.StartNew();
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long bytes = 0;
        long lineBreaks = 0;
        int read;
        var inQuotes = false;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            for (var i = 0; i < read; i++)
            {
                // Count record ends (CRLF outside quotes); quotes inside fields come doubled, which toggles twice.
                if (buffer[i] == (byte)'"')
                {
                    inQuotes = !inQuotes;
                }
                else if (buffer[i] == (byte)'\n' && !inQuotes)
                {
                    lineBreaks++;
                }
            }
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        var peak = ReadStatus(server.Id, "VmHWM:");
        return new Measurement((int)(lineBreaks - 1), bytes, seconds, before, peak);
    }
    finally
    {
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
    }
}

static async Task WaitForHealthAsync(HttpClient http)
{
    for (var attempt = 0; attempt < 300; attempt++)
    {
        try
        {
            if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
            // not listening yet
        }

        await Task.Delay(200);
    }

    throw new TimeoutException("The server did not become healthy.");
}

static long ReadStatus(int pid, string field)
{
    var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
    var kb = long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    return kb * 1024;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

internal sealed record Measurement(int Rows, long Bytes, double Seconds, long RssBefore, long PeakRss);
