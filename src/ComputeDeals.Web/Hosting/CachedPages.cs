using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ComputeDeals.Web.Hosting;

/// <summary>
/// The fast path for cached public responses. The output cache sits behind routing, authentication,
/// the request log, the security headers and the status-code pages, and a hit pays for all of them;
/// this middleware runs first and answers a repeat of an anonymous GET that the <c>content</c> policy
/// cached with the bytes and headers the full pipeline sent the first time (security headers, ETag,
/// Cache-Control, Vary, Content-Encoding included), or with 304 when If-None-Match matches.
/// <para>
/// An entry is keyed like the output cache's: scheme, host, path and query, the theme, the
/// Accept-Encoding header as sent (so each content coding has its own bytes) and the version of the
/// live read-model snapshot (a response is kept only if no new snapshot came while it rendered). It is filled only from a response that the
/// content policy marked cacheable (<see cref="ContentSnapshotPolicy"/>), that ended 200 with an
/// ETag and set no cookie. Every eviction of the output cache clears it (<see cref="EvictingStore"/>),
/// so an edit, a release or another instance's write is never served stale; a new snapshot
/// changes the key as well. It holds at most <see cref="CachedPagesOptions.MaxBytes"/> of bodies,
/// and an entry lives as long as an output-cache entry. Misses go through the whole pipeline as before.
/// </para>
/// <para>
/// Hits are counted in <see cref="Hits"/> and, by default, reported to the log once a minute as one summary
/// line (<see cref="CachedPagesReport"/>): an event per hit would cost more than serving it. With
/// <see cref="CachedPagesOptions.LogEachHit"/> the request log runs before this middleware instead, and each
/// hit has its own event with the same fields as every other request (a hit carries the endpoint of the
/// response it copies). See docs/operations.md "Log files".
/// </para>
/// </summary>
public sealed class CachedPages(TimeProvider time, Microsoft.Extensions.Options.IOptions<CachedPagesOptions> options)
{
    /// <summary>HttpContext item the content policy sets on a response the output cache may store.</summary>
    internal const string CacheableItem = "cd.cacheable-snapshot";

    private static readonly HashSet<string> SkippedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.Server, HeaderNames.ContentLength, HeaderNames.TransferEncoding,
        HeaderNames.Age, HeaderNames.SetCookie, HeaderNames.StrictTransportSecurity, HeaderNames.Connection,
    };

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _bytes;
    private long _hits;
    private long _notModified;

    /// <summary>How many requests the fast path answered (200 or 304).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>How many of <see cref="Hits"/> were answered 304 Not Modified.</summary>
    public long NotModifiedHits => Interlocked.Read(ref _notModified);

    /// <summary>How many responses it holds.</summary>
    public int Count => _entries.Count;

    /// <summary>Drops every entry (called on every eviction of the output cache).</summary>
    public void Clear()
    {
        _entries.Clear();
        Interlocked.Exchange(ref _bytes, 0);
    }

    /// <remarks>The read model is passed in, not injected: it depends on the output-cache store, which depends on this.</remarks>
    internal async Task InvokeAsync(HttpContext http, RequestDelegate next, Features.ReadModel.ReadModel readModel)
    {
        var version = readModel.Current.Version;
        var key = KeyOf(http, version);
        if (key is null)
        {
            await next(http);
            return;
        }

        if (_entries.TryGetValue(key, out var entry))
        {
            if (entry.Expires > time.GetUtcNow())
            {
                Interlocked.Increment(ref _hits);
                Interlocked.Increment(ref entry.Hits);
                // A request log that runs before this names the endpoint that made the stored response (routing did not run).
                http.SetEndpoint(entry.Endpoint);
                await ServeAsync(http, entry, time.GetUtcNow());
                return;
            }

            Remove(key);
        }

        var response = http.Response;
        var original = response.Body;
        var capture = new CaptureStream(original, http, options.Value.MaxEntryBytes);
        response.Body = capture;
        try
        {
            await next(http);
        }
        finally
        {
            response.Body = original;
        }

        // Stored under the snapshot that was live when the request came in, and only if no new one came
        // while it rendered (a swap also evicts, and the request may have finished after that).
        if (capture.Buffer is { } body && http.Items.ContainsKey(CacheableItem)
            && readModel.Current.Version == version
            && response.StatusCode == StatusCodes.Status200OK
            && response.Headers.SetCookie.Count == 0
            && !StringValues.IsNullOrEmpty(response.Headers.ETag)
            && (response.ContentLength is null || response.ContentLength == body.Length))
        {
            Store(key, string.Concat(http.Request.Path.Value, http.Request.QueryString.Value), response.Headers, body.ToArray(), http.GetEndpoint());
        }
    }

    /// <summary>The entry key, or null when the request may not use the fast path (not a GET, or signed in).</summary>
    private static string? KeyOf(HttpContext http, long version)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) || request.Headers.ContainsKey(HeaderNames.Authorization)
            || request.Path.StartsWithSegments("/_framework") || request.Path.StartsWithSegments("/_blazor")
            || request.Path.StartsWithSegments("/_content"))
        {
            return null;
        }

        var dark = false;
        foreach (var cookie in request.Cookies)
        {
            // Signed-in readers (and the Identity sign-in flow) go through the whole pipeline.
            if (cookie.Key.StartsWith("cd-auth", StringComparison.Ordinal) || cookie.Key.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal))
            {
                return null;
            }

            dark |= cookie.Key == Components.Layout.ThemePreference.CookieName && cookie.Value == "dark";
        }

        return string.Concat(
            request.Scheme, "://", request.Host.Value, request.PathBase.Value, request.Path.Value, request.QueryString.Value,
            "|", dark ? "d" : "l", "|", request.Headers.AcceptEncoding.ToString(),
            " ", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The paths and queries answered most often since the last call, among the entries still held (an eviction
    /// drops their counts), most asked first; the counts start again from zero.
    /// </summary>
    public IReadOnlyList<(string Target, long Hits)> TakeMostAsked(int count)
    {
        var byTarget = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in _entries.Values)
        {
            var hits = Interlocked.Exchange(ref entry.Hits, 0);
            if (hits > 0)
            {
                byTarget[entry.Target] = byTarget.GetValueOrDefault(entry.Target) + hits;
            }
        }

        return [.. byTarget.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(count).Select(t => (t.Key, t.Value))];
    }

    private void Store(string key, string target, IHeaderDictionary headers, byte[] body, Endpoint? endpoint)
    {
        var kept = new List<KeyValuePair<string, StringValues>>(headers.Count);
        foreach (var header in headers)
        {
            if (!SkippedHeaders.Contains(header.Key))
            {
                kept.Add(header);
            }
        }

        var limit = options.Value.MaxBytes;
        if (Interlocked.Add(ref _bytes, body.Length) > limit)
        {
            // Full: start over rather than track recency on every hit. Whatever is asked again comes back in.
            Clear();
            Interlocked.Add(ref _bytes, body.Length);
        }

        var lastModified = HeaderUtilities.TryParseDate(headers.LastModified.ToString(), out var parsed) ? parsed : (DateTimeOffset?)null;
        var now = time.GetUtcNow();
        var entry = new Entry(target, [.. kept], body, headers.ETag.ToString(), lastModified, now, now + options.Value.Expiration, endpoint);
        if (_entries.TryGetValue(key, out var previous))
        {
            Interlocked.Add(ref _bytes, -previous.Body.Length);
        }

        _entries[key] = entry;
    }

    private void Remove(string key)
    {
        if (_entries.TryRemove(key, out var removed))
        {
            Interlocked.Add(ref _bytes, -removed.Body.Length);
        }
    }

    private Task ServeAsync(HttpContext http, Entry entry, DateTimeOffset now)
    {
        var response = http.Response;
        var headers = response.Headers;
        foreach (var header in entry.Headers)
        {
            headers[header.Key] = header.Value;
        }

        // As the output cache does: how long ago the stored copy was made (RFC 9111 5.1).
        headers.Age = ((long)Math.Max(0, (now - entry.Stored).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        if (NotModified(http.Request, entry))
        {
            Interlocked.Increment(ref _notModified);
            response.StatusCode = StatusCodes.Status304NotModified;
            headers.Remove(HeaderNames.ContentType);
            headers.Remove(HeaderNames.ContentEncoding);
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = entry.Body.Length;
        return response.Body.WriteAsync(entry.Body, http.RequestAborted).AsTask();
    }

    /// <summary>RFC 9110 13.2.2: If-None-Match when sent, else If-Modified-Since against the entry's Last-Modified.</summary>
    private static bool NotModified(HttpRequest request, Entry entry)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            return Matches(ifNoneMatch, entry.ETag);
        }

        return entry.LastModified is { } modified
            && request.GetTypedHeaders().IfModifiedSince is { } since
            && modified <= since;
    }

    /// <summary>If-None-Match with weak comparison (RFC 9110 13.1.2): "*" or any listed tag equal to ours, W/ or not.</summary>
    internal static bool Matches(StringValues ifNoneMatch, string etag)
    {
        if (StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            return false;
        }

        var ours = Opaque(etag);
        foreach (var value in ifNoneMatch)
        {
            foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == "*" || Opaque(part).SequenceEqual(ours))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag.AsSpan(2) : tag.AsSpan();

    private sealed record Entry(
        string Target, KeyValuePair<string, StringValues>[] Headers, byte[] Body, string ETag, DateTimeOffset? LastModified, DateTimeOffset Stored, DateTimeOffset Expires, Endpoint? Endpoint)
    {
        /// <summary>Hits since the last <see cref="TakeMostAsked"/>.</summary>
        public long Hits;
    }

    /// <summary>
    /// Passes every write on to the response and keeps a copy while the response is one the content
    /// policy marked cacheable (decided at the first write, when the endpoint is already running)
    /// and no larger than the limit.
    /// </summary>
    private sealed class CaptureStream(Stream inner, HttpContext http, int maxBytes) : Stream
    {
        private MemoryStream? _buffer;
        private bool _decided;

        public MemoryStream? Buffer => _decided ? _buffer : null;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Keep(buffer.AsSpan(offset, count));
            return inner.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (!_decided)
            {
                _decided = true;
                _buffer = http.Items.ContainsKey(CacheableItem) ? new MemoryStream() : null;
            }

            if (_buffer is null)
            {
                return;
            }

            if (_buffer.Length + bytes.Length > maxBytes)
            {
                _buffer = null;
                return;
            }

            _buffer.Write(bytes);
        }
    }
}

/// <summary>Settings under "ContentCache:FastPath".</summary>
public sealed class CachedPagesOptions
{
    public const string Section = "ContentCache:FastPath";

    /// <summary>Bodies held at most, all entries together (a second copy of what the output cache holds: kept small, see docs/operations.md "Memory").</summary>
    public long MaxBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The largest body kept; a larger response is served by the output cache alone.</summary>
    public int MaxEntryBytes { get; set; } = 1024 * 1024;

    /// <summary>How long an entry lives at most (the output cache's expiration).</summary>
    public TimeSpan Expiration { get; set; } = new ContentCacheOptions().Expiration;

    /// <summary>
    /// Write an event to the request log for every hit, as for every other request. Off by default: at tens of
    /// thousands of hits a second the events cost more than the hits (docs/benchmarks.md), so hits are summed
    /// in one line every <see cref="ReportInterval"/> instead.
    /// </summary>
    public bool LogEachHit { get; set; }

    /// <summary>How often the summary of hits is logged (when <see cref="LogEachHit"/> is off and there were hits).</summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Logs the fast path's hits as one Information line per <see cref="CachedPagesOptions.ReportInterval"/>: how many,
/// how many were 304, and the five paths asked most. Written only when there were hits and each hit is not logged.
/// </summary>
public sealed partial class CachedPagesReport(
    CachedPages pages, Microsoft.Extensions.Options.IOptions<CachedPagesOptions> options, TimeProvider time, ILogger<CachedPagesReport> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.LogEachHit)
        {
            return;
        }

        var interval = options.Value.ReportInterval;
        var (hits, notModified) = (pages.Hits, pages.NotModifiedHits);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var (nowHits, nowNotModified) = (pages.Hits, pages.NotModifiedHits);
                var mostAsked = pages.TakeMostAsked(5);
                if (nowHits > hits)
                {
                    LogSummary(
                        nowHits - hits,
                        nowNotModified - notModified,
                        interval.TotalSeconds,
                        string.Join(", ", mostAsked.Select(m => $"{m.Target} ({m.Hits})")));
                }

                (hits, notModified) = (nowHits, nowNotModified);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Cached-page fast path answered {Hits} requests ({NotModified} of them 304) in the last {Seconds} s; most asked: {MostAsked}")]
    private partial void LogSummary(long hits, long notModified, double seconds, string mostAsked);
}

/// <summary>The output-cache store, with every eviction also clearing <see cref="CachedPages"/>.</summary>
internal sealed class EvictingStore(IOutputCacheStore inner, CachedPages pages) : IOutputCacheStore
{
    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        pages.Clear();
        await inner.EvictByTagAsync(tag, cancellationToken);
        // A response rendered before the eviction may have been stored while it ran.
        pages.Clear();
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        inner.SetAsync(key, value, tags, validFor, cancellationToken);
}

public static class CachedPagesSetup
{
    /// <summary>Registers <see cref="CachedPages"/> and wraps the output-cache store so its evictions clear it; call after AddOutputCache.</summary>
    public static IServiceCollection AddCachedPages(this IServiceCollection services, IConfiguration configuration)
    {
        var expiration = configuration.GetSection(ContentCacheOptions.Section).Get<ContentCacheOptions>()?.Expiration
            ?? new ContentCacheOptions().Expiration;
        services.AddOptions<CachedPagesOptions>()
            .Configure(o => o.Expiration = expiration)
            .BindConfiguration(CachedPagesOptions.Section);
        services.AddSingleton<CachedPages>();
        services.AddHostedService<CachedPagesReport>();
        var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(store);
        services.AddSingleton<IOutputCacheStore>(sp => new EvictingStore(
            (IOutputCacheStore)(store.ImplementationInstance
                ?? store.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, store.ImplementationType!)),
            sp.GetRequiredService<CachedPages>()));
        return services;
    }

    /// <summary>
    /// The request log and the fast path that answers repeats of cached public responses, before the rest of the
    /// pipeline; call first (after forwarded headers). The fast path comes first, so a hit skips the request log
    /// and is counted in the summary, unless <see cref="CachedPagesOptions.LogEachHit"/> puts the log in front.
    /// </summary>
    public static WebApplication UseRequestLogAndCachedPages(this WebApplication app)
    {
        var pages = app.Services.GetRequiredService<CachedPages>();
        var readModel = app.Services.GetRequiredService<Features.ReadModel.ReadModel>();
        var logEachHit = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CachedPagesOptions>>().Value.LogEachHit;
        if (logEachHit)
        {
            app.UseRequestLogging();
        }

        app.Use((context, next) => pages.InvokeAsync(context, next, readModel));
        if (!logEachHit)
        {
            app.UseRequestLogging();
        }

        return app;
    }
}
