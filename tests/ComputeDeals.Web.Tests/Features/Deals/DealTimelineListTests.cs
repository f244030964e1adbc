using Bunit;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Features.Deals;
using ComputeDeals.Web.Tests.Infrastructure;

namespace ComputeDeals.Web.Tests.Features.Deals;

public class DealTimelineListTests : MudBunitContext
{
    private static DealSummary Deal(string slug, DateOnly date, DatePrecision precision = DatePrecision.Day, Figure? value = null, Figure? capacity = null, string? summary = null) => new(
        slug, "Title " + slug, date, precision, DealType.CloudCommitment, DealStatus.Announced,
        [new PartySummary("amazon", "Amazon", PartyRole.Provider), new PartySummary("anthropic", "Anthropic", PartyRole.Customer)],
        value ?? Figure.Undisclosed(), ValuePeriod.Total, capacity, summary);

    [Fact]
    public void Deals_are_grouped_under_month_headings_in_the_order_given()
    {
        var deals = new[]
        {
            Deal("a", new DateOnly(2026, 5, 6)),
            Deal("b", new DateOnly(2026, 5, 1)),
            Deal("c", new DateOnly(2026, 4, 24)),
            Deal("d", new DateOnly(2026, 1, 1), DatePrecision.Year),
            Deal("e", new DateOnly(2025, 11, 1), DatePrecision.Month),
            Deal("f", new DateOnly(2025, 11, 3)),
        };

        var cut = Render<DealTimelineList>(p => p.Add(l => l.Deals, deals));

        var sections = cut.FindAll("section.cd-month");
        Assert.Equal(["May 2026", "April 2026", "2026, month not known", "November 2025"], sections.Select(s => s.QuerySelector("h3")!.TextContent));
        Assert.Equal([2, 1, 1, 2], sections.Select(s => s.QuerySelectorAll("li.cd-wire-item").Length));
        Assert.Equal("month-2026-05", sections[0].QuerySelector("h3")!.Id);
        Assert.Equal("November 2025", sections[3].QuerySelector("time")!.TextContent);
        Assert.Equal("2025-11", sections[3].QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Fact]
    public void Without_date_order_there_are_no_month_headings()
    {
        var cut = Render<DealTimelineList>(p => p
            .Add(l => l.Deals, [Deal("a", new DateOnly(2026, 5, 6)), Deal("b", new DateOnly(2024, 1, 2))])
            .Add(l => l.Grouped, false));

        Assert.Empty(cut.FindAll("h3"));
        Assert.Equal(2, cut.FindAll("li.cd-wire-item").Count);
    }

    [Fact]
    public void An_entry_reads_like_a_wire_item_with_qualified_figures()
    {
        var cut = Render<DealTimelineList>(p => p.Add(l => l.Deals, new[]
        {
            Deal("up", new DateOnly(2026, 4, 20), value: Figure.UpTo(40e9), capacity: Figure.About(300),
                summary: "Amazon and **Anthropic** agreed on [capacity](https://example.com). More later in the year."),
            Deal("none", new DateOnly(2026, 4, 2)),
        }));

        var items = cut.FindAll("li.cd-wire-item");
        var first = items[0];
        Assert.Equal("20 April 2026", first.QuerySelector("time")!.TextContent);
        Assert.Equal("/deals/up", first.QuerySelector(".cd-wire-title a")!.GetAttribute("href"));
        Assert.Equal(["/companies/amazon", "/companies/anthropic"], first.QuerySelectorAll(".cd-parties a").Select(a => a.GetAttribute("href")));
        Assert.Contains("→", first.QuerySelector(".cd-parties")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("cloud capacity commitment", first.QuerySelector(".cd-badge")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("cd-marker-cloudcommitment", first.ClassName, StringComparison.Ordinal);
        Assert.Contains("announced", first.QuerySelector(".cd-status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Value up to $40B · Capacity ~300 MW", Normalize(first.QuerySelector(".cd-wire-figures")!.TextContent));
        Assert.Equal("Amazon and Anthropic agreed on capacity.", first.QuerySelector(".cd-wire-summary")!.TextContent);

        var second = items[1];
        Assert.Equal("Value undisclosed", Normalize(second.QuerySelector(".cd-wire-figures")!.TextContent));
        Assert.Null(second.QuerySelector(".cd-wire-summary"));
        Assert.DoesNotContain("$0", second.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_separator_stays_with_the_item_after_it_so_no_line_ends_with_it()
    {
        var deal = Deal("both", new DateOnly(2026, 4, 20), value: Figure.Range(3e9, 15e9), capacity: Figure.AtLeast(300)) with
        {
            Parties = [new PartySummary("spacex", "SpaceX", PartyRole.Partner), new PartySummary("xai", "xAI", PartyRole.Seller), new PartySummary("cursor", "Cursor", PartyRole.Buyer)],
        };
        var cut = Render<DealTimelineList>(p => p.Add(l => l.Deals, new[] { deal }));
        var item = cut.Find("li.cd-wire-item");

        // The figures wrap as flex items: the "·" is inside the capacity item, not an item (or loose text) of its own.
        var figures = item.QuerySelector(".cd-wire-figures")!;
        Assert.All(figures.ChildNodes.OfType<AngleSharp.Dom.IText>(), t => Assert.True(string.IsNullOrWhiteSpace(t.Data), $"loose text \"{t.Data}\""));
        Assert.Equal([$"Value {deal.ValueText}", $"· Capacity {deal.CapacityText}"], figures.Children.Select(c => Normalize(c.TextContent)));

        // Every separator of the card (figures and parties) is followed by a no-break space: a line can break before it, never after.
        var separators = item.TextContent.Select((c, i) => (c, i)).Where(p => p.c is '·' or '→').ToList();
        Assert.Equal(3, separators.Count);
        Assert.All(separators, p => Assert.Equal('\u00A0', item.TextContent[p.i + 1]));
        Assert.All(separators, p => Assert.Equal(' ', item.TextContent[p.i - 1]));
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
