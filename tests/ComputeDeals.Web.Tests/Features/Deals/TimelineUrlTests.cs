using ComputeDeals.Core.Domain;
using ComputeDeals.Web.Features.Deals;

namespace ComputeDeals.Web.Tests.Features.Deals;

public class TimelineUrlTests
{
    [Fact]
    public void The_view_round_trips_after_the_filter()
    {
        var url = TimelineUrl.Parse("http://localhost/deals?view=table&company=xai&sort=value");

        Assert.Equal(TimelineView.Table, url.View);
        Assert.Empty(url.Errors);
        Assert.Equal("/deals?company=xai&sort=value&view=table", url.Href());
        Assert.Equal("/deals", TimelineUrl.Href(DealFilter.Default, TimelineView.Timeline));
    }

    [Fact]
    public void Bad_parameters_are_reported_by_name_and_ignored()
    {
        var url = TimelineUrl.Parse("/deals?view=chart&minValue=lots&company=anthropic");

        Assert.Equal(["minValue", "view"], url.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(TimelineView.Timeline, url.View);
        Assert.Null(url.Filter.MinValue);
        Assert.Equal("anthropic", url.Filter.Company);
    }

    [Fact]
    public void The_title_names_the_filters_and_a_whole_year_briefly()
    {
        var filter = new DealFilter { Company = "xai", From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 12, 31) };

        Assert.Equal("Deals · xAI · 2026", TimelineUrl.Title(filter, "xAI"));
        Assert.Equal("Deal timeline", TimelineUrl.Title(DealFilter.Default, null));
        Assert.Equal(
            "Deals · cloud capacity commitment · from 1 March 2025 · value ≥ $5B · capacity ≥ 1 GW",
            TimelineUrl.Title(new DealFilter { Type = DealType.CloudCommitment, From = new DateOnly(2025, 3, 1), MinValue = 5e9, MinMw = 1000 }, null));
    }

    [Fact]
    public void Each_active_filter_links_to_the_view_without_it_on_page_one()
    {
        var filter = new DealFilter { Company = "xai", Type = DealType.Investment, Page = 4 };

        var active = TimelineUrl.Describe(filter, "xAI");

        Assert.Equal(["company", "type"], active.Select(a => a.Parameter));
        Assert.Equal("/deals?type=investment", TimelineUrl.Href(active[0].Without, TimelineView.Timeline));
        Assert.Equal("/deals?company=xai&view=table", TimelineUrl.Href(active[1].Without, TimelineView.Table));
    }

    [Fact]
    public void Export_links_carry_the_filter_and_the_csv_link_drops_paging()
    {
        var filter = new DealFilter { Company = "xai", Sort = DealSort.Value, Page = 3, PageSize = 20 };

        Assert.Equal("/api/v1/deals.csv?company=xai&sort=value", TimelineUrl.CsvHref(filter));
        Assert.Equal("/api/v1/deals?company=xai&sort=value&page=3&pageSize=20", TimelineUrl.JsonHref(filter));
    }

    [Theory]
    [InlineData("xAI sold the compute. Anthropic bought it.", "xAI sold the compute.")]
    [InlineData("The U.S. deal was signed by Acme Inc. in May. Later more.", "The U.S. deal was signed by Acme Inc. in May.")]
    [InlineData("# Heading\n\nA *bold* move: 300 MW.", "Heading A bold move: 300 MW.")]
    [InlineData("  ", null)]
    public void The_summary_line_is_the_first_sentence_in_plain_text(string markdown, string? expected) =>
        Assert.Equal(expected, SummaryText.FirstSentence(markdown));

    [Fact]
    public void A_long_first_sentence_is_cut_at_a_word()
    {
        var text = SummaryText.FirstSentence(string.Join(' ', Enumerable.Repeat("capacity", 60)))!;

        Assert.True(text.Length <= SummaryText.MaxLength);
        Assert.EndsWith("capacity…", text, StringComparison.Ordinal);
    }
}
