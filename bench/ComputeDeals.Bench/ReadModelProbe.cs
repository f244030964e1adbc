using System.Diagnostics;
using System.Globalization;
using ComputeDeals.Web.Features.Deals;
using ComputeDeals.Web.Features.ReadModel;
using ComputeDeals.Web.Features.Search;
using Microsoft.AspNetCore.WebUtilities;

namespace ComputeDeals.Bench;

/// <summary>
/// In-process costs of the read model at the benchmark's size: the managed heap the snapshot and the
/// analytics calculator hold, and the time of the timeline and search queries alone (no HTTP, no rendering).
/// </summary>
public static class ReadModelProbe
{
    public static async Task<int> RunAsync(string path, int runs)
    {
        var db = new BenchDb(path);
        var baseline = Heap();
        PublishedDataset dataset;
        await using (var context = db.CreateDbContext())
        {
            dataset = await PublishedDatasetLoader.LoadAsync(context);
        }

        var afterDataset = Heap();
        var snapshot = ReadSnapshot.Build(dataset, 1);
        var afterSnapshot = Heap();
        var model = new ReadModel(db, new NoCache(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ReadModel>.Instance);
        await model.LoadAsync();
        snapshot = model.Current;
        dataset = snapshot.Dataset;
        var afterModel = Heap();
        _ = snapshot.Analytics;
        var afterAnalytics = Heap();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"heap MB: baseline {baseline:0}, +dataset {afterDataset - baseline:0}, +snapshot indexes {afterSnapshot - afterDataset:0}, model swap (old freed) {afterModel - afterSnapshot:0}, +analytics {afterAnalytics - afterModel:0}, total {afterAnalytics:0}"));

        var charts = new DealChartQuery(model, new DealListQuery(model));
        foreach (var query in new[] { "minMw=5", "q=synthetic%20co%200005", "company=synthetic-co-0001" })
        {
            var filter = DealFilter.Parse(QueryHelpers.ParseQuery(query)).Filter;
            Console.WriteLine($"{query}: matches {DealListQuery.Query(snapshot, filter).Total:#,0}; "
                + $"list {Time(runs, () => DealListQuery.Query(snapshot, filter))}; "
                + $"chart {Time(runs, () => charts.ByQuarterAsync(filter).Result)}; "
                + $"matching {Time(runs, () => DealListQuery.Matching(snapshot, filter))}; "
                + $"page (list + chart, one request) {Time(runs, () =>
                {
                    var list = new DealListQuery(model);
                    return (list.QueryAsync(filter).Result, new DealChartQuery(model, list).ByQuarterAsync(filter).Result);
                })}");
        }

        Console.WriteLine($"search co 0005: {Time(runs, () => SearchQuery.Search(snapshot, "co 0005"))}");
        Console.WriteLine($"search synthetic: {Time(runs, () => SearchQuery.Search(snapshot, "synthetic"))}");
        GC.KeepAlive(snapshot);
        return 0;
    }

    private sealed class NoCache : Microsoft.AspNetCore.OutputCaching.IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private static double Heap() => GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;

    private static string Time<T>(int runs, Func<T> action)
    {
        for (var i = 0; i < 3; i++)
        {
            _ = action();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            _ = action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return string.Create(CultureInfo.InvariantCulture, $"p50 {times[runs / 2]:0.0} ms");
    }
}
