using System.Diagnostics;
using System.Globalization;
using ComputeDeals.Core.Analytics;
using ComputeDeals.Web.Features.ReadModel;

namespace ComputeDeals.Bench;

/// <summary>
/// Times the analytics of /analytics for dates other than today in process (no HTTP, no page):
/// each part of <see cref="AnalyticsCalculator"/> the page and the capacity API read, over distinct dates.
/// Prints a Markdown table with p50 and p95 in milliseconds.
/// </summary>
public static class AnalyticsBenchmark
{
    public static async Task<int> RunAsync(string path, int runs)
    {
        ReadSnapshot snapshot;
        await using (var context = new BenchDb(path).CreateDbContext())
        {
            snapshot = ReadSnapshot.Build(await PublishedDatasetLoader.LoadAsync(context), 1);
        }

        var watch = Stopwatch.StartNew();
        var calculator = snapshot.Analytics;
        Console.WriteLine($"Data: {calculator.Data.Deals.Count:#,0} deals, {calculator.Data.Companies.Count:#,0} companies, {calculator.Data.DataCenters.Count:#,0} data centers; calculator built in {watch.ElapsedMilliseconds} ms");
        Console.WriteLine();
        Console.WriteLine("| part | p50 / p95 |");
        Console.WriteLine("| --- | ---: |");
        var compared = new[] { "xai", "coreweave", "anthropic" }.Select(calculator.Company).OfType<CompanyRef>().Select(c => c.Id).ToList();
        var day = 0;
        DateOnly Next() => new DateOnly(2025, 1, 1).AddDays(day++ % 700);
        var sample = calculator.Positions(new DateOnly(2026, 1, 15), false);
        Console.WriteLine($"({sample.Count} positions on 2026-01-15, {sample.Sum(p => p.ContractedIn.Inputs.Count + p.ContractedOut.Inputs.Count):#,0} deal inputs)");
        foreach (var probe in new[] { new DateOnly(2015, 1, 1), new DateOnly(2020, 1, 1), new DateOnly(2023, 1, 1), new DateOnly(2026, 1, 15) })
        {
            var at = calculator.Positions(probe, false);
            Console.WriteLine($"| positions on {probe:yyyy-MM-dd} ({at.Sum(p => p.ContractedIn.Inputs.Count + p.ContractedOut.Inputs.Count):#,0} inputs) | {Time(runs, () => calculator.Positions(probe, false).Count)} |");
        }

        Console.WriteLine($"| positions | {Time(runs, () => calculator.Positions(Next(), false).Count)} |");
        Console.WriteLine($"| positions, rolled up | {Time(runs, () => calculator.Positions(Next(), true).Count)} |");
        Console.WriteLine($"| valuations (3 companies) | {Time(runs, () => calculator.CompareValuations(compared, Next(), false).Companies.Count)} |");
        Console.WriteLine($"| deal value per MW | {Time(runs, () => calculator.DealValuePerMw(Next()).Count)} |");
        Console.WriteLine($"| quarterly | {Time(runs, () => calculator.Quarterly(Next()).Count)} |");
        return 0;
    }

    private static string Time(int runs, Func<int> action)
    {
        for (var i = 0; i < 2; i++)
        {
            action();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return string.Create(CultureInfo.InvariantCulture, $"{times[runs / 2]:0.0} / {times[Math.Min(runs - 1, (int)Math.Ceiling(0.95 * runs) - 1)]:0.0} ms");
    }
}
