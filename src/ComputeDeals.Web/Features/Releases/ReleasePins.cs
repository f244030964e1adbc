namespace ComputeDeals.Web.Features.Releases;

/// <summary>A release a request is answered from: its id, when it was made and the snapshot built from its dataset.</summary>
public sealed record PinnedRelease(string Id, DateTimeOffset CreatedAt, ReadSnapshot Snapshot);

/// <summary>
/// The release the current request is pinned to (?release= on the timeline, /analytics, /network and
/// the JSON API), or null. <see cref="ReadModel.ReadModel.Current"/> answers with the pinned snapshot,
/// so the very same query code runs on the release's data.
/// </summary>
public static class ReleasePin
{
    private static readonly AsyncLocal<PinnedRelease?> Pinned = new();

    public static PinnedRelease? Current => Pinned.Value;

    /// <summary>The pinned snapshot, if any (what the read model hands out for this request).</summary>
    public static ReadSnapshot? Snapshot => Pinned.Value?.Snapshot;

    internal static void Set(PinnedRelease? release) => Pinned.Value = release;

    /// <summary>True for the views that answer ?release= from the release (permalinks have their as-recorded page).</summary>
    public static bool Answers(PathString path) =>
        path.Equals("/deals", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/analytics", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/network", StringComparison.OrdinalIgnoreCase)
        || OpenDataApi.Contains(path);

    public static string NotFoundMessage(string id) =>
        $"There is no release \"{id}\". The list of releases is at /data.";
}

/// <summary>
/// Snapshots built from stored releases. A release never changes, so a built snapshot is kept and
/// shared; at most <see cref="Capacity"/> are kept (the least recently used goes first).
/// </summary>
public sealed class ReleaseSnapshots
{
    public const int Capacity = 4;

    private readonly object _gate = new();
    private readonly LinkedList<(string Id, Lazy<Task<PinnedRelease?>> Build)> _recent = new();

    /// <summary>How many release snapshots are held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _recent.Count;
            }
        }
    }

    public async Task<PinnedRelease?> FindAsync(string id, ReleaseService releases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(releases);
        Lazy<Task<PinnedRelease?>> build;
        lock (_gate)
        {
            var node = _recent.First;
            while (node is not null && node.Value.Id != id)
            {
                node = node.Next;
            }

            if (node is not null)
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                build = node.Value.Build;
            }
            else
            {
                build = new Lazy<Task<PinnedRelease?>>(() => LoadAsync(id, releases));
                _recent.AddFirst((id, build));
                while (_recent.Count > Capacity)
                {
                    _recent.RemoveLast();
                }
            }
        }

        var pinned = await build.Value.WaitAsync(cancellationToken);
        if (pinned is null)
        {
            // Unknown ids are not kept: they would push real releases out.
            lock (_gate)
            {
                for (var node = _recent.First; node is not null; node = node.Next)
                {
                    if (node.Value.Id == id && ReferenceEquals(node.Value.Build, build))
                    {
                        _recent.Remove(node);
                        break;
                    }
                }
            }
        }

        return pinned;
    }

    private static async Task<PinnedRelease?> LoadAsync(string id, ReleaseService releases)
    {
        if (await releases.FindAsync(id) is not { } found || await releases.DatasetAsync(id) is not { } dataset)
        {
            return null;
        }

        // A negative version: never equal to a live snapshot's, so cached responses of the two never mix.
        return new PinnedRelease(found.Summary.Id, found.Summary.CreatedAt, ReadSnapshot.Build(dataset, -found.Summary.Sequence));
    }
}

public static class ReleasePinning
{
    /// <summary>
    /// Answers ?release= on the timeline, /analytics, /network and /api/v1 from that release's snapshot;
    /// an unknown release is a 404 with the reason (problem details in the API, a page otherwise).
    /// </summary>
    public static WebApplication UseReleasePins(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || !request.Query.TryGetValue("release", out var value)
                || !ReleasePin.Answers(request.Path))
            {
                await next(context);
                return;
            }

            var id = value.ToString().Trim();
            var releases = context.RequestServices.GetRequiredService<ReleaseService>();
            var pinned = id.Length is > 0 and <= 40
                ? await context.RequestServices.GetRequiredService<ReleaseSnapshots>().FindAsync(id, releases, context.RequestAborted)
                : null;
            if (pinned is null)
            {
                await UnknownAsync(context, id, next);
                return;
            }

            ReleasePin.Set(pinned);
            try
            {
                await next(context);
            }
            finally
            {
                ReleasePin.Set(null);
            }
        });
        return app;
    }

    private static async Task UnknownAsync(HttpContext context, string id, RequestDelegate next)
    {
        var message = ReleasePin.NotFoundMessage(id);
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown release", detail: message).ExecuteAsync(context);
            return;
        }

        // The release page says so inside the site's layout (header, navigation, footer) with a 404:
        // the request goes on to it, with the id asked for and the view to offer without a release.
        context.Items[ReleasePage.UnknownItem] = id;
        var others = context.Request.Query.Where(p => p.Key != "release")
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"))
            .ToList();
        context.Items[ReleasePage.FromItem] = context.Request.Path.Value + (others.Count == 0 ? string.Empty : "?" + string.Join('&', others));
        context.Request.Path = "/data/releases/unknown";
        context.Request.QueryString = QueryString.Empty;
        await next(context);
    }
}
