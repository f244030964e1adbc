using System.Collections.Concurrent;
using System.Net;
using ComputeDeals.Testing;
using ComputeDeals.Web.Hosting;
using ComputeDeals.Web.Tests.Features;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ComputeDeals.Web.Tests.Hosting;

/// <summary>Keeps every request-log event the app writes (Serilog picks up sinks registered as services).</summary>
public sealed class RequestLogSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    /// <summary>The request-log events (one per request through the pipeline) so far, oldest first.</summary>
    public IReadOnlyList<LogEvent> Requests => [.. _events.Where(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal))];

    public int Count => _events.Count;

    /// <summary>Every event so far, oldest first.</summary>
    public IReadOnlyList<LogEvent> All => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}

/// <summary>The app with request logging at Information (the test default is Warning) and a sink that keeps the events.</summary>
public class RequestLogAppFactory : TestAppFactory
{
    public RequestLogAppFactory()
    {
        With("Serilog:MinimumLevel:Default", "Information");
        WithServices(services => services.AddSingleton<ILogEventSink>(Sink));
    }

    public RequestLogSink Sink { get; } = new();

    /// <summary>The request-log events of a path, once there are <paramref name="count"/> (the event is written when the pipeline returns, which may be just after the client has read the last byte).</summary>
    public async Task<LogEvent[]> EventsForAsync(string url, int count)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var events = Sink.Requests.Where(e => e.Properties.TryGetValue("RequestPath", out var path) && path.ToString() == $"\"{url}\"").ToArray();
            if (events.Length >= count || patience.IsCancellationRequested)
            {
                Assert.True(count == events.Length, $"{events.Length} events for {url}; {Sink.Count} in all: " + string.Join(" | ", Sink.Requests.Take(5).Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture))));
                return events;
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}

/// <summary>The app with <c>ContentCache:FastPath:LogEachHit</c> on: the request log runs before the fast path.</summary>
public sealed class EachHitLogAppFactory : RequestLogAppFactory
{
    public EachHitLogAppFactory() => With("ContentCache:FastPath:LogEachHit", "true");
}

/// <summary>The default: hits summed in one line per report interval (here 200 ms instead of a minute).</summary>
public sealed class HitSummaryAppFactory : RequestLogAppFactory
{
    public HitSummaryAppFactory() => With("ContentCache:FastPath:ReportInterval", "00:00:00.200");
}

/// <summary>
/// With <c>LogEachHit</c>, every request is in the request log, the fast path's hits (<see cref="CachedPages"/>)
/// included: a hit's event has the same fields as the event of the full-pipeline response it repeats, with its own status code.
/// </summary>
public class RequestLogTests(EachHitLogAppFactory app) : IClassFixture<EachHitLogAppFactory>
{
    [Theory]
    [InlineData("/deals/openai-coreweave-2025-05")]
    [InlineData("/feeds/deals.atom")]
    public async Task A_fast_path_hit_is_logged_with_the_same_fields_as_the_response_it_repeats(string url)
    {
        var client = app.NoRedirects();
        var pages = app.Services.GetRequiredService<CachedPages>();
        var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        await first.Content.ReadAsByteArrayAsync();
        var hits = pages.Hits;

        var again = await client.GetAsync(new Uri(url, UriKind.Relative));
        await again.Content.ReadAsByteArrayAsync();
        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await client.SendAsync(conditional);

        Assert.Equal(hits + 2, pages.Hits);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        var events = await app.EventsForAsync(url, 3);
        var (miss, hit, hit304) = (events[0], events[1], events[2]);
        Assert.Equal(
            miss.Properties.Keys.Order(StringComparer.Ordinal),
            hit.Properties.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(miss.Properties.Keys.Order(StringComparer.Ordinal), hit304.Properties.Keys.Order(StringComparer.Ordinal));
        foreach (var field in new[] { "RequestMethod", "RequestPath", "Endpoint", "UserName", "RequestHost" })
        {
            Assert.Equal((field, miss.Properties[field].ToString()), (field, hit.Properties[field].ToString()));
        }

        Assert.NotEqual("\"none\"", hit.Properties["Endpoint"].ToString());
        Assert.Equal(["200", "200", "304"], events.Select(e => e.Properties["StatusCode"].ToString()));
        Assert.All(events, e => Assert.Equal(LogEventLevel.Information, e.Level));
    }
}

/// <summary>
/// By default a fast-path hit has no event of its own (an event would cost more than the hit): the hits are
/// counted in one summary line per interval, with how many were 304 and the paths asked most.
/// </summary>
public class CachedHitSummaryTests(HitSummaryAppFactory app) : IClassFixture<HitSummaryAppFactory>
{
    [Fact]
    public async Task Fast_path_hits_are_summed_in_one_line_instead_of_an_event_each()
    {
        const string url = "/deals/openai-coreweave-2025-05";
        var client = app.NoRedirects();
        var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        await first.Content.ReadAsByteArrayAsync();
        var again = await client.GetAsync(new Uri(url, UriKind.Relative));
        await again.Content.ReadAsByteArrayAsync();
        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // The summary after the hits: it may come in one line or, across an interval boundary, in two.
        var summaries = await SummariesAsync(hits: 2);
        Assert.Equal(2, summaries.Sum(e => Number(e, "Hits")));
        Assert.Equal(1, summaries.Sum(e => Number(e, "NotModified")));
        Assert.All(summaries, e => Assert.Equal(LogEventLevel.Information, e.Level));
        Assert.Contains(summaries, e => e.Properties["MostAsked"].ToString().Contains($"{url} (", StringComparison.Ordinal));

        // Only the first request went through the pipeline and its request log.
        var events = await app.EventsForAsync(url, 1);
        Assert.Equal("200", events[0].Properties["StatusCode"].ToString());
    }

    private static long Number(LogEvent e, string name) => long.Parse(e.Properties[name].ToString(), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<LogEvent[]> SummariesAsync(long hits)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var summaries = app.Sink.All.Where(e => e.MessageTemplate.Text.StartsWith("Cached-page fast path answered", StringComparison.Ordinal)).ToArray();
            if (summaries.Sum(e => Number(e, "Hits")) >= hits || patience.IsCancellationRequested)
            {
                return summaries;
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}
