using Microsoft.AspNetCore.OutputCaching;

namespace ComputeDeals.Web.Features.ReadModel;

/// <summary>
/// Holds the <see cref="ReadSnapshot"/> every public read uses and keeps it equal to the store.
/// <see cref="LoadAsync"/> builds it at start; <see cref="RefreshAsync"/> reads the change records
/// this instance has not applied yet (every write appends one in its transaction), reloads just the
/// entities they name, builds a new snapshot and swaps the reference, so a reader sees the whole
/// edit or none of it. Refreshes run one at a time.
/// </summary>
public sealed class ReadModel(IDbContextFactory<AppDbContext> factory, IOutputCacheStore cache, TimeProvider time, ILogger<ReadModel> logger) : IDisposable
{
    /// <summary>
    /// How far below the newest applied change-record id a late commit is still noticed: PostgreSQL
    /// hands out ids before commit, so a transaction that started earlier can commit a lower id later.
    /// </summary>
    public const long Window = 1000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<long> _applied = [];
    private volatile ReadSnapshot? _current;
    private long _newest;
    private long _version;

    /// <summary>
    /// The snapshot in force. Read it once per request and use that reference throughout. A request
    /// pinned to a release (?release=, see <see cref="Releases.ReleasePin"/>) gets that release's snapshot.
    /// </summary>
    public ReadSnapshot Current => Releases.ReleasePin.Snapshot ?? _current ?? throw new InvalidOperationException("The read model is not loaded yet: call ReadModel.LoadAsync at start.");

    public bool IsLoaded => _current is not null;

    /// <summary>Reads the whole published dataset and builds the first snapshot.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var started = time.GetTimestamp();
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            // Change records first: a write committed while the dataset loads is applied again by the next refresh.
            var seen = await db.ChangeRecords.AsNoTracking()
                .Where(c => c.Id > (db.ChangeRecords.Max(x => (long?)x.Id) ?? 0) - Window)
                .Select(c => c.Id)
                .ToListAsync(cancellationToken);
            var dataset = await PublishedDatasetLoader.LoadAsync(db, cancellationToken);
            _applied.Clear();
            _applied.UnionWith(seen);
            _newest = seen.Count == 0 ? 0 : seen.Max();
            await SwapAsync(dataset, Fingerprint(_newest, _applied), cancellationToken);
            logger.LogInformation(
                "Read model loaded: {Deals} deals, {Companies} companies, {Centers} data centers in {Elapsed:0} ms",
                dataset.Deals.Count, dataset.Companies.Count, dataset.DataCenters.Count, time.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Applies every change committed since the last refresh (by any instance). Returns true when a
    /// new snapshot was swapped in. Cheap when nothing changed: one indexed range read of change-record ids.
    /// </summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        if (_current is null)
        {
            await LoadAsync(cancellationToken);
            return true;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var floor = db.Database.IsSqlite() ? _newest : _newest - Window;
            var records = await db.ChangeRecords.AsNoTracking()
                .Where(c => c.Id > floor)
                .Select(c => new { c.Id, c.EntityKind, c.EntityId })
                .ToListAsync(cancellationToken);
            var fresh = records.Where(r => !_applied.Contains(r.Id)).ToList();
            if (fresh.Count == 0)
            {
                return false;
            }

            var keys = fresh.Select(r => new EntityKey(r.EntityKind, r.EntityId)).Distinct().ToList();
            var dataset = await PublishedDatasetLoader.PatchAsync(db, _current.Dataset, keys, cancellationToken);
            var newest = Math.Max(_newest, fresh.Max(r => r.Id));
            await SwapAsync(dataset, Fingerprint(newest, _applied.Concat(fresh.Select(r => r.Id))), cancellationToken);
            await ReadModelRefresher.NotifyAsync(db, cancellationToken);
            // Only after the swap: a failed patch is retried by the next refresh.
            foreach (var record in fresh)
            {
                _applied.Add(record.Id);
            }

            _newest = newest;
            _applied.RemoveWhere(id => id <= _newest - Window);
            logger.LogInformation("Read model applied {Count} changes ({Entities})", fresh.Count, string.Join(", ", keys.Take(10).Select(k => $"{k.Kind} {k.Id}")));
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// The same on every instance that has applied the same committed writes: the newest applied
    /// change-record id and how many applied ids lie in the window below it (a late PostgreSQL commit
    /// below the newest id changes the count). Keys the ETags of cached pages.
    /// </summary>
    private static string Fingerprint(long newest, IEnumerable<long> applied) =>
        FormattableString.Invariant($"{newest}.{applied.Count(id => id > newest - Window)}");

    private async Task SwapAsync(PublishedDataset dataset, string fingerprint, CancellationToken cancellationToken)
    {
        var snapshot = ReadSnapshot.Build(dataset, Interlocked.Increment(ref _version), fingerprint);
        _current = snapshot;
        // Responses rendered from the old snapshot can no longer be served.
        await cache.EvictByTagAsync(Hosting.ContentCache.Tag, cancellationToken);
    }
}

/// <summary>Registers the read model and loads it at start.</summary>
public static class ReadModelSetup
{
    public static WebApplicationBuilder AddReadModel(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReadModelOptions>().BindConfiguration(ReadModelOptions.Section);
        builder.Services.AddSingleton<ReadModel>();
        builder.Services.AddHostedService<ReadModelRefresher>();
        return builder;
    }

    /// <summary>
    /// Builds the first snapshot (after migrations and seeding), then returns the memory the load
    /// used and no longer needs (query buffers, the rows it materialized) to the operating system
    /// before the first request: at 100,000 deals that is about as much again as the snapshot itself,
    /// which the server GC would otherwise keep committed for the life of the process.
    /// </summary>
    public static async Task LoadReadModelAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<ReadModel>().LoadAsync(app.Lifetime.ApplicationStopping);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
