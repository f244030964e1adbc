using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ComputeDeals.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComputeDeals.Web.Tests.Features;

/// <summary>Fetches pages from the test app without following redirects and parses them with AngleSharp.</summary>
public static class PageClient
{
    private static readonly HtmlParser Parser = new();

    public static HttpClient NoRedirects(this TestAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<IHtmlDocument> GetPageAsync(this TestAppFactory app, string url)
    {
        var response = await app.NoRedirects().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static Task<IHtmlDocument> ParseAsync(string html) => Parser.ParseDocumentAsync(html);

    public static string? Meta(this IHtmlDocument page, string property) =>
        page.QuerySelector($"meta[property='{property}'], meta[name='{property}']")?.GetAttribute("content");
}
