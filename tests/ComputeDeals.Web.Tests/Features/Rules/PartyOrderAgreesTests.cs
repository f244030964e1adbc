using ComputeDeals.Testing;

namespace ComputeDeals.Web.Tests.Features.Rules;

/// <summary>A deal's parties read in one order (Labels.ReadingSide, then as entered) on the timeline and on the permalink.</summary>
public class PartyOrderAgreesTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    [Fact]
    public async Task Every_deal_lists_its_parties_in_the_same_order_on_the_timeline_and_its_permalink()
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
        }
    }
}
