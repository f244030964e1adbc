using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace ComputeDeals.Web.Api;

/// <summary>
/// A JSON body with a strong ETag (a hash of the bytes, suffixed "-br" or "-gz" for a compressed
/// response, so each content coding has its own) and a short public cache lifetime.
/// A request whose If-None-Match holds the ETag of the coding it asks for gets 304 Not Modified with no body.
/// </summary>
public sealed class CachedJson<T>(T value) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    public const string CacheControl = "public, max-age=60";

    public T Value { get; } = value;

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(Value, options);
        // One tag per content coding (the compression middleware encodes this body on its way out).
        var etag = Hosting.PublicCompression.StrongETag(SHA256.HashData(body).AsSpan(0, 16), httpContext);
        var response = httpContext.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = CacheControl;
        if (Matches(httpContext.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "IEndpointMetadataProvider is a static abstract interface member.")]
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));

    private static bool Matches(HttpRequest request, string etag)
    {
        // If-None-Match uses the weak comparison: W/"x" matches "x".
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag == etag);
    }
}
