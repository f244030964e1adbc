namespace ComputeDeals.Web.Api;

/// <summary>Absolute URLs for API resources and their HTML permalinks, built from the current request.</summary>
public sealed class ApiLinks(HttpRequest request)
{
    public string Base { get; } = $"{request.Scheme}://{request.Host}{request.PathBase}";

    public string Absolute(string path) => Base + path;

    public string DealPermalink(string slug) => $"{Base}/deals/{Uri.EscapeDataString(slug)}";

    public string DealApi(string slug) => $"{Base}{OpenDataApi.Prefix}/deals/{Uri.EscapeDataString(slug)}";

    public string CompanyPermalink(string slug) => $"{Base}/companies/{Uri.EscapeDataString(slug)}";

    public string CompanyApi(string slug) => $"{Base}{OpenDataApi.Prefix}/companies/{Uri.EscapeDataString(slug)}";

    public string DataCenterPermalink(string slug) => $"{Base}/datacenters/{Uri.EscapeDataString(slug)}";

    public string DataCenterApi(string slug) => $"{Base}{OpenDataApi.Prefix}/datacenters/{Uri.EscapeDataString(slug)}";
}
