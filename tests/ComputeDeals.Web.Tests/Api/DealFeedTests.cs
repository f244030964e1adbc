using System.Globalization;
using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using ComputeDeals.Testing;
using ComputeDeals.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Api;

public class DealFeedTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<XDocument> GetFeedAsync()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/feeds/deals.atom", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_feed_is_atom_with_the_required_elements_for_the_feed_and_every_entry()
    {
        var feed = (await GetFeedAsync()).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.StartsWith("tag:", feed.Element(Atom + "id")!.Value, StringComparison.Ordinal);
        Assert.Equal("ComputeDeals: new deals", feed.Element(Atom + "title")!.Value);
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture, out _));
        Assert.Equal("http://localhost/feeds/deals.atom", Link(feed, "self"));
        Assert.Equal("http://localhost/deals", Link(feed, "alternate"));
        Assert.NotEmpty(feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(15, entries.Count);
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        foreach (var entry in entries)
        {
            Assert.StartsWith("tag:computedeals,2026:deals/", entry.Element(Atom + "id")!.Value, StringComparison.Ordinal);
            Assert.NotEmpty(entry.Element(Atom + "title")!.Value);
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture, out _));
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "published")!.Value, CultureInfo.InvariantCulture, out _));
            Assert.StartsWith("http://localhost/deals/", Link(entry, "alternate"), StringComparison.Ordinal);
            Assert.NotEmpty(entry.Element(Atom + "summary")!.Value);
            Assert.NotEmpty(entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        }

        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
    }

    [Fact]
    public async Task An_updated_deal_moves_to_the_top_of_the_feed_once_the_cache_is_invalidated()
    {
        await GetFeedAsync();
        await using (var db = app.CreateDbContext())
        {
            var deal = await db.Deals.SingleAsync(d => d.Slug == "google-anthropic-tpu-2025");
            deal.UpdatedAt = DateTimeOffset.UtcNow.AddDays(1);
            await db.SaveChangesAsync();
        }

        await app.Services.GetRequiredService<ContentCache>().InvalidateAsync();
        var first = (await GetFeedAsync()).Root!.Elements(Atom + "entry").First();

        Assert.Equal("http://localhost/deals/google-anthropic-tpu-2025", Link(first, "alternate"));
        Assert.Contains("Google (provider), Anthropic (customer)", first.Element(Atom + "summary")!.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/companies")]
    public async Task Pages_advertise_the_feed_in_their_head(string url)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await app.CreateClient().GetStringAsync(new Uri(url, UriKind.Relative)));

        var link = page.Head!.QuerySelector("link[rel='alternate'][type='application/atom+xml']");
        Assert.NotNull(link);
        Assert.Equal("/feeds/deals.atom", link.GetAttribute("href"));
        Assert.Equal("ComputeDeals: new deals", link.GetAttribute("title"));
    }

    private static string? Link(XElement parent, string rel) =>
        parent.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == rel)?.Attribute("href")?.Value;
}
