using ComputeDeals.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ComputeDeals.Web.Hosting;

/// <summary>
/// Output cache for public pages and files built from the data (permalinks, share cards,
/// feeds). Every cached response carries <see cref="Tag"/> and is keyed by the
/// <see cref="ContentVersion"/> it was rendered under; every write calls
/// <see cref="InvalidateAsync"/> after its transaction commits, so readers never see stale data.
/// Writes made by another instance reach this one through the content version, which is read
/// from the database before a cached response is served.
/// </summary>
public sealed class ContentCache(IOutputCacheStore store, ContentVersion version, Features.ReadModel.ReadModel readModel)
{
    public const string Tag = "content";

    /// <summary>Name of the output-cache policy that public data pages and files use.</summary>
    public const string Policy = "content";

    /// <summary>Applies committed writes to the read model (a new snapshot), then evicts cached responses.</summary>
    public async ValueTask InvalidateAsync(CancellationToken cancellationToken = default)
    {
        await readModel.RefreshAsync(cancellationToken);
        version.Forget();
        await store.EvictByTagAsync(Tag, cancellationToken);
    }
}

/// <summary>Settings under "ContentCache".</summary>
public sealed class ContentCacheOptions
{
    public const string Section = "ContentCache";

    /// <summary>
    /// How long an instance trusts the content version it last read, in milliseconds. 0 (the
    /// default) reads it before every cached response, so an edit made on another instance shows
    /// at once; a larger value saves that query at the price of up to this much staleness.
    /// </summary>
    public int VersionCheckMilliseconds { get; set; }

    /// <summary>How long a cached response lives at most.</summary>
    public TimeSpan Expiration { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// A cheap fingerprint of the published content: the newest change-record id plus how many
/// change records sit in the window just below it. Every content write appends a change record in
/// its transaction, so the fingerprint moves on every commit, including a commit whose id was
/// drawn before a newer one (PostgreSQL sequences hand out ids before commit): that late row
/// changes the count. Both queries read only the primary-key index.
/// </summary>
public sealed class ContentVersion(
    IDbContextFactory<AppDbContext> factory, IOutputCacheStore store, TimeProvider time, IOptions<ContentCacheOptions> options)
{
    /// <summary>How far below the newest id a late commit is still noticed.</summary>
    public const long Window = 10_000;

    private readonly Lock _gate = new();
    private string? _current;
    private long _readAt;

    /// <summary>The current fingerprint, read from the database unless read within the check interval.</summary>
    public async ValueTask<string> GetAsync(CancellationToken cancellationToken = default)
    {
        var interval = options.Value.VersionCheckMilliseconds;
        string? known;
        lock (_gate)
        {
            known = _current;
            if (known is not null && interval > 0 && time.GetElapsedTime(_readAt).TotalMilliseconds < interval)
            {
                return known;
            }
        }

        var started = time.GetTimestamp();
        string fresh;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var max = await db.ChangeRecords.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
            var recent = await db.ChangeRecords.CountAsync(c => c.Id > max - Window, cancellationToken);
            fresh = FormattableString.Invariant($"{max}.{recent}");
        }

        lock (_gate)
        {
            _current = fresh;
            _readAt = started;
        }

        if (known is not null && known != fresh)
        {
            // Entries rendered under the old version can no longer be served; free their memory.
            await store.EvictByTagAsync(ContentCache.Tag, cancellationToken);
        }

        return fresh;
    }

    /// <summary>Makes the next request read the version again (after a local write).</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _readAt = 0;
            _current = null;
        }
    }
}

/// <summary>Keys each cached response by the content version read before it is looked up.</summary>
internal sealed class ContentVersionPolicy : IOutputCachePolicy
{
    public const string Key = "content-version";

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
    /// A weak ETag from the snapshot's fingerprint (the same on every instance that applied the same
    /// writes), the theme and a hash of the URL.
    /// </summary>
    public static string ETagFor(string fingerprint, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var url = http.Request.Path.Value + http.Request.QueryString.Value;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(url)).AsSpan(0, 8));
        var theme = Components.Layout.ThemePreference.IsDark(http) ? "d" : "l";
        return $"W/\"{fingerprint}-{theme}-{hash}\"";
    }
}

public static class ContentCacheSetup
{
    public static WebApplicationBuilder AddContentCache(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentCacheOptions>().BindConfiguration(ContentCacheOptions.Section);
        var expiration = builder.Configuration.GetSection(ContentCacheOptions.Section).Get<ContentCacheOptions>()?.Expiration
            ?? new ContentCacheOptions().Expiration;
        builder.Services.AddOutputCache(options =>
        {
            options.AddPolicy(ContentCache.Policy, policy => policy
                .Tag(ContentCache.Tag)
                .Expire(expiration)
                .SetVaryByQuery("*")
                // Static pages render the reader's light/dark choice from a cookie.
                .VaryByValue(http => new("theme", Components.Layout.ThemePreference.IsDark(http) ? "dark" : "light"))
                // One stored copy per content coding: the compressed bytes are cached, not recompressed per hit.
                .VaryByValue(http => new("encoding", PublicCompression.EncodingFor(http)))
                .AddPolicy<ContentVersionPolicy>()
                .AddPolicy<StaticPageCachePolicy>());
        });
        builder.Services.AddSingleton<ContentVersion>();
        builder.Services.AddSingleton<ContentCache>();
        return builder;
    }
}
