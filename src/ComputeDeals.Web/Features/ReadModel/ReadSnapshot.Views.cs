using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace ComputeDeals.Web.Features.ReadModel;

/// <summary>
/// Indexes that only some views need, built on first use and kept for the snapshot's lifetime
/// (a snapshot never changes, so neither does anything computed from it).
/// </summary>
public sealed partial class ReadSnapshot
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _memo = new(StringComparer.Ordinal);
    private FrozenDictionary<int, IReadOnlyList<CompanyRecord>>? _subsidiaries;

    /// <summary>
    /// Names the committed writes this snapshot includes, the same on every instance that applied
    /// them (unlike <see cref="Version"/>, which counts this instance's snapshots): the ETag of a cached page.
    /// </summary>
    public string Fingerprint { get; private init; } = "0.0";

    /// <summary>Each company's subsidiaries that are not deleted, by name (ordinal).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<CompanyRecord>> SubsidiariesByParent =>
        LazyInitializer.EnsureInitialized(ref _subsidiaries, () => Dataset.Companies
            .Where(c => c.ParentId is not null)
            .GroupBy(c => c.ParentId!.Value)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<CompanyRecord>)[.. g.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id)]));

    /// <summary>
    /// A value computed once per snapshot and shared by every request that reads this snapshot
    /// (home figures, list rows). <paramref name="build"/> must be pure: it runs at most once per key.
    /// </summary>
    public T Memo<T>(string key, Func<ReadSnapshot, T> build)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(build);
        var lazy = _memo.GetOrAdd(key, static (_, state) => new Lazy<object>(() => state.build(state.snapshot), LazyThreadSafetyMode.ExecutionAndPublication), (build, snapshot: this));
        return (T)lazy.Value;
    }
}
