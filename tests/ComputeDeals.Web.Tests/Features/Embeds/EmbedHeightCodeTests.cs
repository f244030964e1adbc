using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Embeds;

namespace ComputeDeals.Web.Tests.Features.Embeds;

/// <summary>The embed code sizes the valuation-per-MW iframe by the companies compared.</summary>
public class EmbedHeightCodeTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    [Fact]
    public void The_valuation_embed_code_is_taller_for_each_company_compared()
    {
        var path = $"/embed/charts/{EmbedCharts.ValuationPerMw}?asOf=2026-06-01";
        var heights = Enumerable.Range(1, 12).Select(n => EmbedSnippet.HeightFor(path, n)).ToList();

        Assert.All(heights.Zip(heights.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{pair.Second} after {pair.First}"));
        // Sized by the companies the rule resolved, never by the names in the link: without that count there is no height.
        Assert.Throws<ArgumentException>(() => EmbedSnippet.HeightFor(path + "&companies=xai,XAI"));
    }

    [Fact]
    public async Task The_analytics_page_offers_valuation_embed_code_as_tall_as_its_compared_companies_need()
    {
        var page = await app.GetPageAsync("/analytics?companies=xai,coreweave,anthropic,openai,google");
        var codes = new List<AngleSharp.Html.Dom.IHtmlDocument>();
        foreach (var textarea in page.QuerySelectorAll("details[data-embed-code] textarea[readonly]"))
        {
            codes.Add(await PageClient.ParseAsync(textarea.TextContent));
        }

        var valuation = Assert.Single(codes, c => c.QuerySelector("iframe")!.GetAttribute("src")!.Contains(EmbedCharts.ValuationPerMw, StringComparison.Ordinal));
        Assert.Equal(EmbedSnippet.ValuationPerMwHeight(5).ToString(System.Globalization.CultureInfo.InvariantCulture), valuation.QuerySelector("iframe")!.GetAttribute("height"));
    }
}
