using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ComputeDeals.E2E;

public class AnalyticsTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser;

    public AnalyticsTests(BrowserFixture browser)
    {
        this.browser = browser;
    }

    private async Task<IPage> OpenAsync(string url)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        // The filter script has marked the settings form: a change now applies at once.
        await Assertions.Expect(page.Locator("form#analytics-settings[data-js]")).ToHaveCountAsync(1);
        return page;
    }

    [Fact]
    public async Task The_page_shows_the_service_numbers_and_each_change_is_a_step_in_the_URL()
    {
        var page = await OpenAsync("/analytics?asOf=2026-06-01");

        // Hand-computed from the seed deals (see AnalyticsPageTests): Colossus 1 to Anthropic, at least 300 MW;
        // Anthropic takes in 300+ + up to 5,000 + 1,000+ MW; CoreWeave's five commitments state no MW.
        foreach (var (slug, field, text) in new[] { ("xai", "out", "at least 300 MW"), ("anthropic", "in", "1.3–6.3 GW+"), ("coreweave", "out", "undisclosed") })
        {
            await Assertions.Expect(page.Locator($".cd-league tr[data-company={slug}] [data-field={field}]")).ToHaveTextAsync(text);
        }

        // Roll subsidiaries up: xAI's row folds into SpaceX's.
        await page.GetByText("Roll subsidiaries into parents").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("rollup=true")));
        // SpaceX (xAI's parent since 1 January 2026) now carries xAI's Colossus 1 sale.
        await Assertions.Expect(page.Locator(".cd-league tr[data-company=spacex] [data-field=out]")).ToHaveTextAsync("at least 300 MW");
        await Assertions.Expect(page.Locator(".cd-league tr[data-company=xai]")).ToHaveCountAsync(0);

        // Why this number: the panel lists the Colossus 1 deal.
        await page.Locator(".cd-league tr[data-company=spacex] [data-field=out] a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("why=spacex")));
        await Assertions.Expect(page.Locator("#why-spacex")).ToContainTextAsync("xAI sells all Colossus 1 compute to Anthropic");

        // Back undoes one step at a time.
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#why-spacex")).ToHaveCountAsync(0);
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator(".cd-league tr[data-company=xai]")).ToHaveCountAsync(1);
        Assert.DoesNotContain("rollup=true", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Picking_an_earlier_date_recomputes_and_the_link_restores_the_analysis()
    {
        var page = await OpenAsync("/analytics?asOf=2026-06-01&companies=xai,coreweave");
        await Assertions.Expect(page.Locator(".cd-league tr[data-company=xai] [data-field=out]")).ToHaveTextAsync("at least 300 MW");

        await page.Locator("#cd-asof").FillAsync("2026-05-01");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("asOf=2026-05-01")));
        await Assertions.Expect(page.Locator(".cd-league tr[data-company=xai] [data-field=out]")).ToHaveTextAsync("none");

        // The same link in a fresh browser shows the same analysis.
        var shared = await OpenAsync(page.Url);
        await Assertions.Expect(shared.Locator("#cd-asof")).ToHaveValueAsync("2026-05-01");
        await Assertions.Expect(shared.Locator(".cd-league tr[data-company=xai] [data-field=out]")).ToHaveTextAsync("none");
        // On 1 May 2026 CoreWeave's latest valuation is its ~$69.3B market cap: $230B / $69.3B = 3.32.
        await Assertions.Expect(shared.Locator("[data-ratio='xai/coreweave'] strong")).ToHaveTextAsync("3.32×");
        await Assertions.Expect(shared.Locator(".cd-valuations tbody tr[data-company]")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task The_page_fits_a_phone_and_its_tables_scroll_inside_their_frame()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync("/analytics?asOf=2026-06-01", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.Locator(".cd-league")).ToBeVisibleAsync();

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"page is {scrollWidth}px wide at 360px");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Capacity and valuations");
    }

    [Fact]
    public async Task Without_javascript_the_settings_apply_from_the_button()
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync("/analytics?asOf=2026-06-01");

        await page.Locator("#cd-asof").FillAsync("2026-05-01");
        await page.GetByLabel("Roll subsidiaries into parents").CheckAsync();
        await page.GetByLabel("Companies to compare").SelectOptionAsync(["xai", "coreweave"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == "/analytics?asOf=2026-05-01&rollup=true&companies=coreweave%2Cxai"
            || new Uri(url).PathAndQuery == "/analytics?asOf=2026-05-01&rollup=true&companies=xai%2Ccoreweave");
        await Assertions.Expect(page.Locator(".cd-league tr[data-company=spacex]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".cd-valuations tbody tr[data-company]")).ToHaveCountAsync(2);
    }
}
