using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace ComputeDeals.Web.Hosting;

/// <summary>
/// Output cache for public pages and files built from the data (permalinks, share cards, feeds).
/// Every cached response carries <see cref="Tag"/> and is keyed by the version of the read model
/// snapshot it was rendered from (<see cref="ContentSnapshotPolicy"/>), so a lookup costs no SQL.
/// Every write calls <see cref="InvalidateAsync"/> after its transaction commits: the read model
/// applies it (a new snapshot) and cached responses are evicted, so readers never see stale data.
/// Writes made by another instance reach this one through the read model's refresher
/// (PostgreSQL LISTEN/NOTIFY, or a background check on SQLite).
/// </summary>
public sealed class ContentCache(IOutputCacheStore store, Features.ReadModel.ReadModel readModel)
{
    public const string Tag = "content";

    /// <summary>Name of the output-cache policy that public data pages and files use.</summary>
    public const string Policy = "content";

    /// <summary>Applies committed writes to the read model (a new snapshot), then evicts cached responses.</summary>
    public async ValueTask InvalidateAsync(CancellationToken cancellationToken = default)
    {
        await readModel.RefreshAsync(cancellationToken);
        await store.EvictByTagAsync(Tag, cancellationToken);
    }
}

/// <summary>Settings under "ContentCache".</summary>
public sealed class ContentCacheOptions
{
    public const string Section = "ContentCache";

    /// <summary>How long a cached response lives at most.</summary>
    public TimeSpan Expiration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Bytes the output cache holds at most (every stored copy, each content coding): the least
    /// recently used go first. 16 MB holds over a thousand compressed pages; the framework's 100 MB
    /// default was a fifth of the 500 MB memory target at 100,000 deals (docs/operations.md "Memory").
    /// </summary>
    public long SizeLimit { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// The largest response stored (larger ones, such as a whole-dataset CSV export, are streamed
    /// every time instead of displacing hundreds of pages).
    /// </summary>
    public long MaximumBodySize { get; set; } = 4 * 1024 * 1024;
}

/// <summary>Keys each cached response by the read model snapshot it is rendered from, and gives it an ETag.</summary>
internal sealed class ContentSnapshotPolicy : IOutputCachePolicy
{
    public const string Key = "snapshot";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // The in-memory snapshot's version: no SQL on the hot path. Other instances' writes arrive
        // through the read model's refresher (LISTEN/NOTIFY or a background check).
        var http = context.HttpContext;
        var snapshot = http.RequestServices.GetRequiredService<Features.ReadModel.ReadModel>().Current;
        context.CacheVaryByRules.VaryByValues[Key] = snapshot.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.EnableOutputCaching)
        {
            // Set before the endpoint runs, so the output cache stores it with the entry (it copies the
            // headers at the first body write) and answers a matching If-None-Match with 304 from
            // the entry. An endpoint with an ETag of its own (Atom feeds) replaces it; a response
            // that is neither a 200 nor a 304 drops it.
            http.Items[CachedPages.CacheableItem] = true;
            var response = http.Response;
            response.Headers.ETag = ETagFor(snapshot.Fingerprint, http);
            response.OnStarting(() =>
            {
                if (response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified))
                {
                    response.Headers.Remove(HeaderNames.ETag);
                }

                return Task.CompletedTask;
            });
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>
    /// A weak ETag from the build (so a deploy that changes markup or asset URLs never answers 304
    /// to a page rendered by the old code), the snapshot's fingerprint (the same on every instance
    /// that applied the same writes), the theme and a hash of the URL.
    /// </summary>
    public static string ETagFor(string fingerprint, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var url = http.Request.Path.Value + http.Request.QueryString.Value;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)).AsSpan(0, 8));
        var theme = Components.Layout.ThemePreference.IsDark(http) ? "d" : "l";
        return $"W/\"{Build.Value}-{fingerprint}-{theme}-{hash}\"";
    }

    /// <summary>The web assembly's module id (it changes with the code) and the static-asset manifest (it changes with any asset).</summary>
    private static readonly Lazy<string> Build = new(() =>
    {
        var assembly = typeof(ContentSnapshotPolicy).Assembly;
        var manifest = Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".staticwebassets.endpoints.json");
        byte[] assets = File.Exists(manifest) ? File.ReadAllBytes(manifest) : [];
        return Convert.ToHexStringLower(SHA256.HashData([.. assembly.ManifestModule.ModuleVersionId.ToByteArray(), .. assets]).AsSpan(0, 4));
    });
}

public static class ContentCacheSetup
{
    public static WebApplicationBuilder AddContentCache(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentCacheOptions>().BindConfiguration(ContentCacheOptions.Section);
        var configured = builder.Configuration.GetSection(ContentCacheOptions.Section).Get<ContentCacheOptions>() ?? new ContentCacheOptions();
        var expiration = configured.Expiration;
        builder.Services.AddOutputCache(options =>
        {
            options.SizeLimit = configured.SizeLimit;
            options.MaximumBodySize = configured.MaximumBodySize;
            options.AddPolicy(ContentCache.Policy, policy => policy
                .Tag(ContentCache.Tag)
                .Expire(expiration)
                .SetVaryByQuery("*")
                // Static pages render the reader's light/dark choice from a cookie.
                .VaryByValue(http => new("theme", Components.Layout.ThemePreference.IsDark(http) ? "dark" : "light"))
                // One stored copy per content coding: the compressed bytes are cached, not recompressed per hit.
                .VaryByValue(http => new("encoding", PublicCompression.EncodingFor(http)))
                .AddPolicy<ContentSnapshotPolicy>()
                .AddPolicy<StaticPageCachePolicy>());
        });
        builder.Services.AddCachedPages(builder.Configuration);
        builder.Services.AddSingleton<ContentCache>();
        return builder;
    }
}
