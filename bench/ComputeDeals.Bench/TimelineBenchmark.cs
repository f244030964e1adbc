using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ComputeDeals.Core.Analytics;
using ComputeDeals.Web.Features.Deals;
using ComputeDeals.Web.Features.ReadModel;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Bench;

/// <summary>
/// Times the /deals scenarios twice: the queries alone (DealListQuery and DealChartQuery in
/// process, against the same file) and the whole prerendered page over HTTP from a running app.
/// Prints a Markdown table with p50 and p95 in milliseconds.
/// </summary>
public static class TimelineBenchmark
{
    private static readonly (string Name, string Query)[] Scenarios =
    [
        ("first page, newest first", ""),
        ("company with most deals", "company=synthetic-co-0001"),
        ("company with few deals", "company=synthetic-co-0390"),
        ("sorted by value (table)", "sort=value&view=table"),
        ("company, 2024, value ≥ $1B", "company=synthetic-co-0002&from=2024-01-01&to=2024-12-31&minValue=1B"),
        ("page 1,000", "page=1000"),
        ("free text", "q=synthetic%20co%200042"),
    ];

    public static async Task<int> RunAsync(string path, Uri baseUrl, int runs)
    {
        var db = new BenchDb(path);
        int deals;
        await using (var context = db.CreateDbContext())
        {
            deals = await context.Deals.CountAsync(d => d.IsPublished);
        }

        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        // The list and chart read the in-memory snapshot the app builds at start (Features/ReadModel).
        ReadSnapshot snapshot;
        await using (var context = db.CreateDbContext())
        {
            snapshot = ReadSnapshot.Build(await PublishedDatasetLoader.LoadAsync(context), 1);
        }

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"Data: {deals:#,0} published deals; {runs} timed runs per scenario after 3 warm-up runs");
        Console.WriteLine();
        Console.WriteLine("| scenario | rows matched | list query p50 / p95 | chart query p50 / p95 | page over HTTP p50 / p95 |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (name, query) in Scenarios)
        {
            var filter = DealFilter.Parse(QueryHelpers.ParseQuery(query)).Filter;
            var total = DealListQuery.Query(snapshot, filter).Total;
            var list = await TimeAsync(runs, () => Task.FromResult(DealListQuery.Query(snapshot, filter)));
            var bars = await TimeAsync(runs, () => Task.FromResult(DealTotals.ByQuarter(DealListQuery.Matching(snapshot, filter).Select(p => snapshot.Deals[p].Input))));
            var page = await TimeAsync(runs, async () =>
            {
                using var response = await http.GetAsync(new Uri("/deals" + (query.Length > 0 ? "?" + query : string.Empty), UriKind.Relative));
                response.EnsureSuccessStatusCode();
                _ = await response.Content.ReadAsByteArrayAsync();
            });
            Console.WriteLine($"| {name} (`{(query.Length > 0 ? "?" + query : "/deals")}`) | {total:#,0} | {list} | {bars} | {page} |");
        }

        return 0;
    }

    private static async Task<string> TimeAsync(int runs, Func<Task> action)
    {
        for (var i = 0; i < 3; i++)
        {
            await action();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return string.Create(CultureInfo.InvariantCulture, $"{Percentile(times, 0.50):0} / {Percentile(times, 0.95):0} ms");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}
