using System.Text.Json.Serialization;
using ComputeDeals.Web.Features.Deals.Permalink;
using Microsoft.AspNetCore.WebUtilities;

namespace ComputeDeals.Web.Features.Embeds;

/// <summary>An oEmbed 1.0 "rich" response: the iframe of the page's embed.</summary>
public sealed record OEmbedResponse(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("provider_name")] string ProviderName,
    [property: JsonPropertyName("provider_url")] string ProviderUrl,
    [property: JsonPropertyName("cache_age")] int CacheAge,
    [property: JsonPropertyName("html")] string Html,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height);

/// <summary>
/// GET /oembed?url=…&amp;maxwidth=…&amp;maxheight=…&amp;format=json (oEmbed 1.0). Knows deal permalinks,
/// company and data center pages, the timeline (its quarter chart) and /analytics (its charts); answers 404 for any other
/// URL, 501 for a format other than json, 400 for a missing url or a bad size.
/// </summary>
public static class OEmbedEndpoints
{
    public const string Path = "/oembed";

    public const int CacheAgeSeconds = 3600;

    public static WebApplication MapOEmbed(this WebApplication app)
    {
        app.MapGet(Path, AnswerAsync)
            .WithTags("Feeds")
            .WithName("OEmbed")
            .WithSummary("oEmbed 1.0 for deal, company, data center, timeline and analytics pages")
            .WithDescription("Returns a 'rich' response with the iframe code of the page's embed. 404 for unknown URLs, 501 for format=xml.")
            .CacheOutput(ContentCache.Policy)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status501NotImplemented)
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<CachedJson<OEmbedResponse>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        string? url, string? maxwidth, string? maxheight, string? format, HttpRequest request, SiteUrls site,
        DealPermalinkQuery deals, CompanyProfileQuery companies, DataCenterProfileQuery centers, Analytics.AnalyticsQuery analytics,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(format) && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status501NotImplemented, title: "Format not implemented",
                detail: "Only format=json is served.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        int? Size(string name, string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return value;
            }

            errors[name] = [$"'{name}' must be a positive whole number of pixels."];
            return null;
        }

        var maxWidth = Size("maxwidth", maxwidth);
        var maxHeight = Size("maxheight", maxheight);
        if (string.IsNullOrWhiteSpace(url))
        {
            errors["url"] = ["'url' is required: the address of a ComputeDeals page."];
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            errors["url"] = ["'url' must be an absolute URL."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.InvalidQuery(errors);
        }

        var target = await ResolveAsync(new Uri(url!), request, site, deals, companies, centers, analytics, cancellationToken);
        if (target is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No embed for this URL",
                detail: "oEmbed is available for deal, company, data center, timeline and analytics pages of this site.");
        }

        var width = Math.Max(EmbedSnippet.MinWidth, Math.Min(maxWidth ?? EmbedSnippet.DefaultWidth, EmbedSnippet.DefaultWidth));
        var fit = EmbedSnippet.HeightFor(target.Value.EmbedPath, target.Value.Compared);
        var height = Math.Min(maxHeight ?? fit, fit);
        var links = new ApiLinks(request);
        return new CachedJson<OEmbedResponse>(new OEmbedResponse(
            "1.0", "rich", target.Value.Title, "ComputeDeals", links.Absolute("/"), CacheAgeSeconds,
            EmbedSnippet.Iframe(links.Absolute(target.Value.EmbedPath), target.Value.Title, height, width), width, height));
    }

    /// <summary>
    /// The embed of a page URL on this site (with the number of companies an analytics URL compares), or null when
    /// the URL is not one: an unknown record, or a page URL with a bad parameter the page reads.
    /// </summary>
    private static async Task<(string EmbedPath, string Title, int? Compared)?> ResolveAsync(
        Uri url, HttpRequest request, SiteUrls site, DealPermalinkQuery deals, CompanyProfileQuery companies,
        DataCenterProfileQuery centers, Analytics.AnalyticsQuery analytics, CancellationToken cancellationToken)
    {
        var ours = string.Equals(url.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(url.Authority, site.BaseUri.Authority, StringComparison.OrdinalIgnoreCase);
        if (!ours || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var segments = url.AbsolutePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        switch (segments)
        {
            case ["deals"]:
            {
                var parsed = DealFilter.Parse(QueryHelpers.ParseQuery(url.Query));
                return parsed.IsValid
                    ? (EmbedLinks.QuarterChart(parsed.Filter), "Deal value and capacity per quarter · " + TimelineUrl.Title(parsed.Filter, null), null)
                    : null;
            }

            case ["analytics"]:
            {
                // The page has three charts: #deal-value names the value-per-MW one, #valuations the valuation-per-MW one
                // (with the page's compared companies), anything else the capacity one. A URL with a bad asOf, rollup or
                // companies value (for the companies: the rule of ComparedCompanies) has no embed.
                var query = QueryHelpers.ParseQuery(url.Query);
                var settings = Analytics.AnalyticsSettings.Read(analytics.Today, query.GetValueOrDefault("asOf"), query.GetValueOrDefault("rollup"));
                var chart = url.Fragment switch
                {
                    "#deal-value" => EmbedCharts.DealValuePerMw,
                    "#valuations" => EmbedCharts.ValuationPerMw,
                    _ => EmbedCharts.CapacityByCompany,
                };
                var compared = analytics.Compare(query.GetValueOrDefault(Analytics.ComparedCompanies.Parameter));
                return settings.IsValid && compared.IsValid
                    ? (EmbedLinks.AnalyticsChart(chart, settings.Pinned, settings.RollUp, compared.Slugs), EmbedLinks.AnalyticsChartTitle(chart, settings.AsOf, settings.RollUp), compared.Companies.Count)
                    : null;
            }

            case ["deals", var slug]:
                return await deals.FindAsync(slug, cancellationToken) is { } deal
                    ? (EmbedLinks.Deal(deal.Slug), deal.Title, null)
                    : null;
            case ["companies", var slug]:
                return await companies.FindAsync(slug, cancellationToken) is { } company
                    ? (EmbedLinks.Company(company.Company.Slug), company.Company.Name, null)
                    : null;
            case ["datacenters", var slug]:
                return await centers.FindAsync(slug, cancellationToken) is { } center
                    ? (EmbedLinks.DataCenter(center.DataCenter.Slug), center.DataCenter.Name, null)
                    : null;
            default:
                return null;
        }
    }
}
