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

    /// <summary>The request-log events (one per request) so far, oldest first.</summary>
    public IReadOnlyList<LogEvent> Requests => [.. _events.Where(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal))];

    public int Count => _events.Count;

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}

/// <summary>The app with request logging at Information (the test default is Warning) and a sink that keeps the events.</summary>
public sealed class RequestLogAppFactory : TestAppFactory
{
    public RequestLogAppFactory()
    {
        With("Serilog:MinimumLevel:Default", "Information");
        WithServices(services => services.AddSingleton<ILogEventSink>(Sink));
    }

    public RequestLogSink Sink { get; } = new();
}

/// <summary>
/// Every request is in the request log, the fast path's hits (<see cref="CachedPages"/>) included: a hit's
/// event has the same fields as the event of the full-pipeline response it repeats, with its own status code.
/// </summary>
public class RequestLogTests(RequestLogAppFactory app) : IClassFixture<RequestLogAppFactory>
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
        var events = await EventsForAsync(url, 3);
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

    /// <summary>
    /// The request-log events of a path, once there are <paramref name="count"/>: the log event is written when the
    /// pipeline returns, which may be just after the client has read the last byte.
    /// </summary>
    private async Task<LogEvent[]> EventsForAsync(string url, int count)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var events = app.Sink.Requests.Where(e => e.Properties.TryGetValue("RequestPath", out var path) && path.ToString() == $"\"{url}\"").ToArray();
            if (events.Length >= count || patience.IsCancellationRequested)
            {
                Assert.True(count == events.Length, $"{events.Length} events for {url}; {app.Sink.Count} in all: " + string.Join(" | ", app.Sink.Requests.Take(5).Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture))));
                return events;
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}
