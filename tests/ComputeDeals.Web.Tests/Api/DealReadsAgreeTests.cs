using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Tests.Features;
using ComputeDeals.Web.Tests.Features.Editing;

namespace ComputeDeals.Web.Tests.Api;

/// <summary>
/// Issue #12's "done when": for every published deal, the value, the quarter, the term's end and whether
/// the value is undisclosed read the same on the timeline, the permalink, the JSON API, the CSV export, the
/// Atom feed, the quarterly analytics and the home page's total, each read over HTTP as a reader reaches it.
/// </summary>
public partial class DealReadsAgreeTests(TestAppFactory app) : EditingTestBase(app), IClassFixture<TestAppFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Squash(string? text) => Spaces().Replace(text ?? string.Empty, " ").Trim();

    /// <summary>The calendar quarter, worked out here by hand rather than by the code under test.</summary>
    private static string QuarterLabel(DateOnly date) => date.Month switch
    {
        <= 3 => $"Q1 {date.Year}",
        <= 6 => $"Q2 {date.Year}",
        <= 9 => $"Q3 {date.Year}",
        _ => $"Q4 {date.Year}",
    };

    [Fact]
    public async Task Value_quarter_term_and_undisclosed_read_the_same_on_every_surface()
    {
        // The seed has no published deal that does not count: add a rumored one (an "up to" value, a term
        // of months from the announcement) so the analytics must leave it out while every page shows it.
        var editor = await UserAsync("agree@example.com", AppRoles.Editor);
        var rumored = await NewDealAsync("Rumored deal for the agreement test");
        rumored.Status = DealStatus.Rumored;
        rumored.TermMonths = 18;
        var editing = Service<DealEditor>();
        var saved = await editing.SaveAsync(editor, rumored);
        Assert.Equal(EditOutcome.Saved, (await editing.SetPublishedAsync(editor, saved.Id, saved.Version, true)).Outcome);

        var client = App.CreateClient();
        var csv = Rfc4180Reader.ParseWithHeader(await client.GetStringAsync(new Uri("/api/v1/deals.csv", UriKind.Relative)), out _);
        Assert.True(csv.Count >= 10, $"only {csv.Count} deals exported");
        var timeline = await App.GetPageAsync("/deals?pageSize=500");
        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/feeds/deals.atom", UriKind.Relative)));
        var feedText = feed.Root!.Elements(Atom + "entry").ToDictionary(
            e => e.Elements(Atom + "link").Select(l => (string?)l.Attribute("href")).First(h => h is not null && h.Contains("/deals/", StringComparison.Ordinal))!.Split('/')[^1],
            e => (string?)e.Element(Atom + "summary") ?? string.Empty);
        using var quarterly = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/analytics/quarterly", UriKind.Relative)));
        var quarterOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var row in quarterly.RootElement.GetProperty("quarters").EnumerateArray())
        {
            foreach (var deal in row.GetProperty("deals").EnumerateArray())
            {
                var slug = deal.GetProperty("slug").GetString()!;
                quarterOf.TryAdd(slug, []);
                quarterOf[slug].Add(row.GetProperty("quarter").GetString()!);
            }
        }

        var seen = (Undisclosed: 0, Disclosed: 0, ComputedEnd: 0, InFeed: 0, Uncounted: 0);
        foreach (var row in csv)
        {
            var slug = row["slug"];
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/deals/{slug}", UriKind.Relative)));
            var deal = json.RootElement;
            var value = deal.GetProperty("value");
            var text = value.GetProperty("text").GetString()!;
            var undisclosed = value.GetProperty("qualifier").GetString() == "undisclosed";
            seen = undisclosed ? seen with { Undisclosed = seen.Undisclosed + 1 } : seen with { Disclosed = seen.Disclosed + 1 };

            // Undisclosed: no bound anywhere (never a zero), the same text.
            Assert.Equal(undisclosed, value.GetProperty("low").ValueKind == JsonValueKind.Null && value.GetProperty("high").ValueKind == JsonValueKind.Null);
            Assert.Equal((slug, undisclosed), (slug, row["value_qualifier"] == "undisclosed"));
            Assert.Equal((slug, undisclosed), (slug, row["value_low"].Length == 0 && row["value_high"].Length == 0));
            Assert.Equal((slug, undisclosed), (slug, text == "undisclosed"));

            // The value text: CSV, permalink, timeline and Atom say what the JSON says.
            Assert.Equal((slug, text), (slug, row["value_text"]));
            var page = await App.GetPageAsync($"/deals/{slug}");
            Assert.Equal((slug, text), (slug, Squash(page.QuerySelector("[data-figure='value'] .cd-figure-text")?.TextContent)));
            var item = timeline.QuerySelectorAll("li.cd-wire-item").Single(li => li.QuerySelector($"a[href='/deals/{slug}']") is not null);
            var figures = Squash(item.QuerySelector(".cd-wire-figures")?.TextContent);
            Assert.StartsWith($"Value {text}", figures, StringComparison.Ordinal);
            if (feedText.TryGetValue(slug, out var summary))
            {
                // The Atom entry writes the card's figures word for word ("Value undisclosed · Capacity ~300 MW").
                seen = seen with { InFeed = seen.InFeed + 1 };
                Assert.Contains($" · {figures} · ", summary, StringComparison.Ordinal);
            }

            // The term's end: the JSON's effective end is the one the permalink names.
            var term = deal.GetProperty("term");
            if (term.GetProperty("effectiveEnd").GetString() is { } end)
            {
                var date = DateOnly.ParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                Assert.Contains(date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), Squash(page.QuerySelector("[data-figure='term'] dd")?.TextContent), StringComparison.Ordinal);
                if (term.GetProperty("end").ValueKind == JsonValueKind.Null)
                {
                    seen = seen with { ComputedEnd = seen.ComputedEnd + 1 };
                }
            }

            // The quarter: a deal that counts (announced or closed) sits in the analytics quarter of its
            // announcement date, once; one that does not count sits in none.
            var announced = DateOnly.ParseExact(row["announced_on"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(announced.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), deal.GetProperty("announcedOn").GetString());
            var status = deal.GetProperty("status").GetString();
            if (status is "announced" or "closed")
            {
                Assert.Equal((slug, QuarterLabel(announced)), (slug, string.Join(", ", quarterOf.GetValueOrDefault(slug) ?? [])));
            }
            else
            {
                seen = seen with { Uncounted = seen.Uncounted + 1 };
                Assert.False(quarterOf.ContainsKey(slug), $"{slug} ({status}) is in the quarterly analytics");
            }
        }

        // The test saw every case it checks.
        Assert.True(seen.Undisclosed > 0 && seen.Disclosed > 0 && seen.ComputedEnd > 0 && seen.InFeed > 0 && seen.Uncounted > 0, seen.ToString());
    }

    [Fact]
    public async Task The_timeline_chart_quarters_are_the_quarterly_analytics()
    {
        // The timeline chart's table (what DealChartQuery gives the page), the quarterly analytics JSON and
        // the CSV export, each read over HTTP: per quarter the same deals, the same value and the same MW.
        var client = App.CreateClient();
        var csv = Rfc4180Reader.ParseWithHeader(await client.GetStringAsync(new Uri("/api/v1/deals.csv", UriKind.Relative)), out _);
        using var quarterly = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/analytics/quarterly", UriKind.Relative)));
        var analytics = new Dictionary<string, (int Deals, FigureRange Value, FigureRange Mw)>(StringComparer.Ordinal);
        foreach (var row in quarterly.RootElement.GetProperty("quarters").EnumerateArray())
        {
            var label = row.GetProperty("quarter").GetString()!;
            var (deals, value, mw) = analytics.GetValueOrDefault(label, (0, FigureRange.Empty, FigureRange.Empty));
            analytics[label] = (deals + row.GetProperty("dealCount").GetInt32(), value + Range(row.GetProperty("value")), mw + Range(row.GetProperty("mw")));
        }

        // Hand-counted from the export: the deals that count (announced or closed) and the others, per quarter.
        var counted = csv.Where(r => r["status"] is "announced" or "closed").GroupBy(r => QuarterLabel(Announced(r))).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var notCounted = csv.Where(r => r["status"] is "rumored" or "cancelled").GroupBy(r => QuarterLabel(Announced(r))).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var timeline = await App.GetPageAsync("/deals");
        var rows = timeline.QuerySelectorAll("#quarter-table tbody tr");
        Assert.NotEmpty(rows);
        var charted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tr in rows)
        {
            var label = Squash(tr.QuerySelector("th")?.TextContent);
            var cells = tr.QuerySelectorAll("td").Select(td => Squash(td.TextContent)).ToList();
            charted.Add(label);
            var (deals, value, mw) = analytics.GetValueOrDefault(label, (0, FigureRange.Empty, FigureRange.Empty));
            Assert.Equal((label, counted.GetValueOrDefault(label)), (label, int.Parse(cells[0], CultureInfo.InvariantCulture)));
            Assert.Equal((label, deals), (label, int.Parse(cells[0], CultureInfo.InvariantCulture)));
            Assert.Equal((label, FigureFormatter.Format(value, FigureUnit.Usd)), (label, cells[1]));
            Assert.Equal((label, notCounted.GetValueOrDefault(label)), (label, int.Parse(cells[2], CultureInfo.InvariantCulture)));
            Assert.Equal((label, FigureFormatter.Format(mw, FigureUnit.Megawatts)), (label, cells[3]));
        }

        // Every quarter with a deal is charted, and the chart invents none.
        Assert.Subset(charted, counted.Keys.Concat(notCounted.Keys).ToHashSet(StringComparer.Ordinal));
        Assert.Subset(charted, analytics.Keys.ToHashSet(StringComparer.Ordinal));
        Assert.Contains(analytics.Values, q => q.Value.DisclosedCount > 0);
    }

    private static DateOnly Announced(Dictionary<string, string> row) =>
        DateOnly.ParseExact(row["announced_on"], "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static FigureRange Range(JsonElement v) => new(
        v.GetProperty("low").GetDouble(), v.GetProperty("high").GetDouble(), v.GetProperty("count").GetInt32(),
        v.GetProperty("undisclosedCount").GetInt32(), v.GetProperty("openEndedCount").GetInt32());

    [Fact]
    public async Task The_home_total_is_the_sum_of_the_quarterly_analytics()
    {
        var client = App.CreateClient();
        using var quarterly = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/analytics/quarterly", UriKind.Relative)));
        var sum = FigureRange.Empty;
        foreach (var row in quarterly.RootElement.GetProperty("quarters").EnumerateArray())
        {
            var v = row.GetProperty("value");
            sum += new FigureRange(
                v.GetProperty("low").GetDouble(), v.GetProperty("high").GetDouble(), v.GetProperty("count").GetInt32(),
                v.GetProperty("undisclosedCount").GetInt32(), v.GetProperty("openEndedCount").GetInt32());
        }

        Assert.True(sum.DisclosedCount > 0);
        var home = await App.GetPageAsync("/");
        var figure = Squash(home.QuerySelector("[data-figure='value']")?.TextContent);
        Assert.Contains(FigureFormatter.Format(sum, FigureUnit.Usd), figure, StringComparison.Ordinal);
        Assert.Contains($"sum of {sum.DisclosedCount} values", figure, StringComparison.Ordinal);
        if (sum.UndisclosedCount > 0)
        {
            Assert.Contains($"{sum.UndisclosedCount} undisclosed not counted", figure, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("undisclosed", figure, StringComparison.Ordinal);
        }
    }
}
