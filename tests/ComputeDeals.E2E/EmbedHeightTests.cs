using ComputeDeals.Web.Features.Embeds;
using Microsoft.Playwright;

namespace ComputeDeals.E2E;

/// <summary>
/// The valuation-per-MW embed grows with the companies it compares: its embed code's height fits
/// each count without scrolling or a blank stretch.
/// </summary>
public class EmbedHeightTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Companies =
        ["xai", "coreweave", "anthropic", "openai", "google", "amazon", "meta", "microsoft", "oracle", "nvidia", "spacex", "cursor"];

    private const string BlankAboveFooter =
        "document.querySelector('.cd-embed-footer').getBoundingClientRect().top - document.querySelector('.cd-embed-body').lastElementChild.getBoundingClientRect().bottom";

    [Theory]
    [InlineData(1, "light")]
    [InlineData(3, "dark")]
    [InlineData(5, "light")]
    [InlineData(8, "dark")]
    [InlineData(12, "light")]
    public async Task The_fallback_height_of_the_valuation_embed_fits_its_companies(int count, string theme)
    {
        var path = $"/embed/charts/{EmbedCharts.ValuationPerMw}?companies={string.Join(",", Companies.Take(count))}";
        var height = EmbedSnippet.HeightFor(path, count);
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(EmbedSnippet.DefaultWidth, height);
        await page.GotoAsync(path + "&theme=" + theme);

        await Assertions.Expect(page.Locator("#embed-chart-values tbody tr")).ToHaveCountAsync(count);
        Assert.True(await page.EvaluateAsync<bool>("document.scrollingElement.scrollHeight <= innerHeight"), $"{count} companies scroll in {height}px");
        var gap = await page.EvaluateAsync<double>(BlankAboveFooter);
        Assert.True(gap < 80, $"{gap}px of blank space above the footer with {count} companies");
    }
}
