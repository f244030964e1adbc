namespace ComputeDeals.Web.Components.Shared;

/// <summary>Settings under "Site": the public address used in canonical links and share tags.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// Absolute base URL (e.g. https://computedeals.example) for canonical and OpenGraph links.
    /// When empty, the request's scheme and host are used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>Builds absolute URLs for canonical links, OpenGraph tags and JSON-LD.</summary>
public sealed class SiteUrls(IOptions<SiteOptions> options, IHttpContextAccessor http)
{
    public Uri BaseUri
    {
        get
        {
            if (Uri.TryCreate(options.Value.PublicBaseUrl, UriKind.Absolute, out var configured))
            {
                return configured;
            }

            var request = http.HttpContext?.Request;
            return request is null
                ? new Uri("http://localhost/")
                : new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        }
    }

    /// <summary>An absolute URL for a site-relative path such as "/deals/x".</summary>
    public string Absolute(string path) => new Uri(BaseUri, path.TrimStart('/')).AbsoluteUri;
}
