using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace ComputeDeals.Web.Features.Feeds;

/// <summary>
/// An Atom document with a strong ETag (a hash of its bytes, one per content coding) and Last-Modified (the feed's
/// "updated"). A conditional request that matches either gets 304 Not Modified with no body; the
/// output cache answers repeat requests the same way from the stored headers.
/// </summary>
public sealed class AtomResult(AtomFeed feed) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public const string CacheControl = "public, max-age=300";

    public AtomFeed Feed { get; } = feed;

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var request = httpContext.Request;
        var body = AtomFeedWriter.Write(Feed, $"{request.Scheme}://{request.Host}{request.PathBase}/");
        var etag = AtomFeedWriter.ETag(body, httpContext);
        var lastModified = TruncateToSeconds(Feed.Updated);
        var response = httpContext.Response;
        var headers = response.GetTypedHeaders();
        response.Headers.ETag = etag;
        headers.LastModified = lastModified;
        response.Headers.CacheControl = CacheControl;
        // Public data: any origin may read it, cached copies included (the output cache replays this header).
        response.Headers.AccessControlAllowOrigin = "*";
        if (NotModified(request, etag, lastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = AtomFeedWriter.MediaType + "; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "IEndpointMetadataProvider is a static abstract interface member.")]
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [AtomFeedWriter.MediaType]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void), []));
    }

    /// <summary>RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since is only read without it.</summary>
    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        var typed = request.GetTypedHeaders();
        if (typed.IfNoneMatch.Count > 0)
        {
            return typed.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag == etag);
        }

        return typed.IfModifiedSince is { } since && lastModified <= since;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
