using ComputeDeals.Testing;

namespace ComputeDeals.Web.Tests.Features.Rules;

/// <summary>
/// A deal reads the same on the timeline and on its permalink: its parties in one order
/// (Labels.ReadingSide, then as entered) and its announcement date, to the person and to the machine
/// (Labels.Date / Labels.MachineDate: a month-precise date is "2026-05", never a made-up day).
/// </summary>
public class TimelineAndPermalinkAgreeTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    [Fact]
    public async Task Every_deal_lists_its_parties_and_its_date_alike_on_the_timeline_and_its_permalink()
    {
        var timeline = await app.GetPageAsync("/deals?pageSize=500");
        var items = timeline.QuerySelectorAll(".cd-wire-item");
        Assert.NotEmpty(items);

        foreach (var item in items)
        {
            var href = item.QuerySelector(".cd-wire-title a")!.GetAttribute("href")!;
            var onTimeline = item.QuerySelectorAll(".cd-parties a").Select(a => a.GetAttribute("href")).ToList();
            var permalink = await app.GetPageAsync(href);
            var onPermalink = permalink.QuerySelectorAll(".cd-party-roles li > a").Select(a => a.GetAttribute("href")).ToList();

            Assert.Equal(onPermalink, onTimeline);
            var date = item.QuerySelector(".cd-wire-meta time")!;
            var announced = permalink.QuerySelectorAll("time").First(t => t.ParentElement!.TextContent.StartsWith("announced", StringComparison.Ordinal));
            Assert.Equal(date.GetAttribute("datetime"), announced.GetAttribute("datetime"));
            Assert.Equal(date.TextContent, announced.TextContent);
        }
    }
}
