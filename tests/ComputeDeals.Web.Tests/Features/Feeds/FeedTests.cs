using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using ComputeDeals.Core.Domain;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Tests.Features.Editing;

namespace ComputeDeals.Web.Tests.Features.Feeds;

public class FeedTests(TestAppFactory app) : EditingTestBase(app), IClassFixture<TestAppFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<XElement> FeedAsync(string url)
    {
        var response = await App.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        // XmlReader with default settings rejects anything that is not well-formed XML.
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return XDocument.Load(reader).Root!;
    }

    /// <summary>The deal permalinks a page lists, in its order (each deal's title link).</summary>
    private async Task<List<string>> PageRowsAsync(string url)
    {
        var page = await App.GetPageAsync(url);
        return page.QuerySelectorAll(".cd-wire-title a").Select(a => "http://localhost" + a.GetAttribute("href")).ToList();
    }

    private static List<string> EntryLinks(XElement feed) =>
        feed.Elements(Atom + "entry").Select(e => Link(e, "alternate")!).ToList();

    [Fact]
    public async Task The_unfiltered_feed_is_valid_atom_and_lists_the_timelines_rows_in_order()
    {
        var feed = await FeedAsync("/feeds/deals.atom");

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("tag:computedeals,2026:feeds/deals", feed.Element(Atom + "id")!.Value);
        Assert.Equal("ComputeDeals: new deals", feed.Element(Atom + "title")!.Value);
        Assert.Equal("http://localhost/feeds/deals.atom", Link(feed, "self"));
        Assert.Equal("http://localhost/deals", Link(feed, "alternate"));
        Assert.NotEmpty(feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        var entries = feed.Elements(Atom + "entry").ToList();
        var newest = entries.Max(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(newest, DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture));

        Assert.Equal(15, entries.Count);
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        foreach (var entry in entries)
        {
            Assert.Matches("^tag:computedeals,2026:deals/[0-9]+$", entry.Element(Atom + "id")!.Value);
            Assert.NotEmpty(entry.Element(Atom + "title")!.Value);
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture, out _));
            Assert.StartsWith("http://localhost/deals/", Link(entry, "alternate"), StringComparison.Ordinal);
            Assert.StartsWith("http://localhost/api/v1/deals/", Link(entry, "related"), StringComparison.Ordinal);
            Assert.NotEmpty(entry.Element(Atom + "summary")!.Value);
        }

        Assert.Equal(await PageRowsAsync("/deals"), EntryLinks(feed));
    }

    [Theory]
    [InlineData("company=anthropic")]
    [InlineData("type=cloudCommitment")]
    [InlineData("company=xai&from=2025-01-01&minMw=100")]
    [InlineData("minValue=10B&sort=value")]
    public async Task A_filtered_feed_lists_exactly_the_rows_of_the_page_with_the_same_filter(string query)
    {
        var feed = await FeedAsync("/feeds/deals.atom?" + query);
        var rows = await PageRowsAsync("/deals?" + query);

        Assert.NotEmpty(rows);
        Assert.Equal(rows, EntryLinks(feed));
        Assert.StartsWith("http://localhost/feeds/deals.atom?", Link(feed, "self"), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/deals?", Link(feed, "alternate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_figure_in_an_entry_carries_its_qualifier()
    {
        var feed = await FeedAsync("/feeds/deals.atom?company=xai&type=capacitySaleOrLease");
        var entry = feed.Elements(Atom + "entry").Single(e => Link(e, "alternate") == "http://localhost/deals/xai-anthropic-colossus-1");
        var summary = entry.Element(Atom + "summary")!.Value;

        Assert.Contains("xAI (seller)", summary, StringComparison.Ordinal);
        Assert.Contains("~$3–15B/year", summary, StringComparison.Ordinal);
        Assert.Contains("at least 300 MW", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_filter_answers_400_problem_details_like_the_api()
    {
        var response = await App.CreateClient().GetAsync(new Uri("/feeds/deals.atom?type=bogus&from=yesterday", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("type", out _));
        Assert.True(errors.TryGetProperty("from", out _));
    }

    [Theory]
    [InlineData("/feeds/deals.atom?company=anthropic")]
    [InlineData("/feeds/companies/anthropic.atom")]
    [InlineData("/feeds/changes.atom")]
    public async Task A_repeated_conditional_request_answers_304(string url)
    {
        var client = App.CreateClient();
        var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.NotNull(lastModified);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, url);
        byTag.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task A_company_feed_lists_the_rows_of_its_filtered_timeline_and_unknown_companies_are_404()
    {
        var feed = await FeedAsync("/feeds/companies/anthropic.atom");

        Assert.Equal("ComputeDeals: Anthropic deals", feed.Element(Atom + "title")!.Value);
        Assert.Equal("http://localhost/companies/anthropic", Link(feed, "alternate"));
        Assert.Equal(await PageRowsAsync("/deals?company=anthropic"), EntryLinks(feed));
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().GetAsync(new Uri("/feeds/companies/no-such-company.atom", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_data_center_feed_lists_the_deals_holding_its_capacity()
    {
        var feed = await FeedAsync("/feeds/datacenters/colossus-1.atom");

        Assert.Equal("http://localhost/datacenters/colossus-1", Link(feed, "alternate"));
        Assert.Contains("http://localhost/deals/xai-anthropic-colossus-1", EntryLinks(feed));
        var page = await App.GetPageAsync("/datacenters/colossus-1");
        var dealLinks = page.QuerySelectorAll("a[href^='/deals/']").Select(a => "http://localhost" + a.GetAttribute("href")).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(dealLinks, EntryLinks(feed).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().GetAsync(new Uri("/feeds/datacenters/nowhere.atom", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_changes_feed_lists_a_published_correction_with_old_and_new_values_and_not_drafts()
    {
        var editor = await UserAsync("feeds-editor@example.com", AppRoles.Editor);
        var deals = Service<DealEditor>();
        var deal = (await deals.LoadBySlugAsync("google-anthropic-tpu-2025"))!;
        var oldStatus = deal.Status;
        deal.Status = oldStatus == DealStatus.Closed ? DealStatus.Announced : DealStatus.Closed;
        var oldTerm = deal.TermMonths;
        deal.TermMonths = (oldTerm ?? 0) + 12;
        Assert.Equal(EditOutcome.Saved, (await deals.SaveAsync(editor, deal)).Outcome);
        var draft = await NewDealAsync("Secret draft deal for the feed");
        Assert.Equal(EditOutcome.Saved, (await deals.SaveAsync(editor, draft)).Outcome);

        var feed = await FeedAsync("/feeds/changes.atom");

        Assert.Equal("tag:computedeals,2026:feeds/changes", feed.Element(Atom + "id")!.Value);
        var first = feed.Elements(Atom + "entry").First();
        Assert.Equal("http://localhost/deals/google-anthropic-tpu-2025", Link(first, "alternate"));
        Assert.StartsWith("Updated: ", first.Element(Atom + "title")!.Value, StringComparison.Ordinal);
        var summary = first.Element(Atom + "summary")!.Value;
        Assert.Contains($"Status: {oldStatus} → {deal.Status}", summary, StringComparison.Ordinal);
        Assert.Contains($"Term in months: {oldTerm?.ToString(CultureInfo.InvariantCulture) ?? "—"} → {deal.TermMonths}", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("TermMonths", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("feeds-editor", feed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret draft", feed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_reads_in_the_changes_feed_as_in_the_history_on_the_records_page()
    {
        var editor = await UserAsync("feeds-history@example.com", AppRoles.Editor);
        var deals = Service<DealEditor>();
        var deal = (await deals.LoadBySlugAsync("meta-coreweave-expansion"))!;
        deal.ValuePeriod = deal.ValuePeriod == ValuePeriod.Total ? ValuePeriod.PerYear : ValuePeriod.Total;
        Assert.Equal(EditOutcome.Saved, (await deals.SaveAsync(editor, deal)).Outcome);

        var entry = (await FeedAsync("/feeds/changes.atom")).Elements(Atom + "entry").First();
        var history = (await App.GetPageAsync("/deals/meta-coreweave-expansion")).QuerySelector(".cd-history-list > li")!;

        // A reader's History list says "Updated … changed value period"; the feed names the action and the field in the same words.
        var action = history.QuerySelector("strong")!.TextContent.Trim();
        Assert.Equal("Updated", action);
        Assert.StartsWith("Updated: ", entry.Element(Atom + "title")!.Value, StringComparison.Ordinal);
        Assert.Equal("changed value period", history.QuerySelector(".cd-history-changed")!.TextContent.Trim());
        var summary = entry.Element(Atom + "summary")!.Value;
        Assert.StartsWith("Updated deal “", summary, StringComparison.Ordinal);
        Assert.Contains("Value period: ", summary, StringComparison.Ordinal);
        Assert.Contains(history.QuerySelector("time")!.TextContent.Trim(), summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_advertises_and_links_the_feed_of_its_own_filter()
    {
        var page = await App.GetPageAsync("/deals?company=xai&type=investment&page=1");

        var links = page.Head!.QuerySelectorAll("link[rel='alternate'][type='application/atom+xml']").Select(l => l.GetAttribute("href")).ToList();
        Assert.Contains("/feeds/deals.atom?company=xai&type=investment", links);
        var follow = page.QuerySelector("a[data-follow]");
        Assert.NotNull(follow);
        Assert.Equal("/feeds/deals.atom?company=xai&type=investment", follow.GetAttribute("href"));
        Assert.Contains("Follow", follow.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/companies/xai", "/feeds/companies/xai.atom")]
    [InlineData("/datacenters/colossus-1", "/feeds/datacenters/colossus-1.atom")]
    public async Task Company_and_data_center_pages_link_their_own_feed(string url, string feed)
    {
        var page = await App.GetPageAsync(url);

        Assert.NotNull(page.Head!.QuerySelector($"link[rel='alternate'][type='application/atom+xml'][href='{feed}']"));
        Assert.Equal(feed, page.QuerySelector("a[data-follow]")?.GetAttribute("href"));
    }

    private static string? Link(XElement parent, string rel) =>
        parent.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == rel)?.Attribute("href")?.Value;
}
