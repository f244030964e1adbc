using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComputeDeals.E2E;

/// <summary>Readers never hold a server circuit: no public page opens a /_blazor connection, even while filtering.</summary>
public class NoCircuitTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] PublicPages =
    [
        "/", "/deals", "/deals?view=table", "/deals/xai-anthropic-colossus-1", "/companies", "/companies/xai",
        "/datacenters", "/datacenters/colossus-1", "/analytics", "/search?q=colossus",
    ];

    [Fact]
    public async Task Every_public_page_and_its_filters_work_without_a_blazor_connection()
    {
        var page = await browser.NewPageAsync();
        var blazor = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                blazor.Add(request.Url);
            }
        };
        page.WebSocket += (_, socket) => blazor.Add(socket.Url);

        foreach (var url in PublicPages)
        {
            var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.True(response!.Ok, $"{url}: {response.Status}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);
        }

        // Filtering goes through enhanced navigation (a fetch of the next page), not a circuit.
        await page.GotoAsync("/deals", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(page.Locator("form[data-instant-filters][data-js]")).ToHaveCountAsync(1);
        await page.GetByLabel("Deal type").SelectOptionAsync("investment");
        await page.WaitForURLAsync(u => new Uri(u).PathAndQuery == "/deals?type=investment");
        await Expect(page.Locator(".cd-wire-item")).ToHaveCountAsync(3);

        await page.GotoAsync("/analytics?asOf=2026-06-01", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(page.Locator("form#analytics-settings[data-js]")).ToHaveCountAsync(1);
        await page.GetByLabel("Roll subsidiaries into parents").CheckAsync();
        await page.WaitForURLAsync(u => new Uri(u).Query.Contains("rollup=true", StringComparison.Ordinal));
        await Expect(page.Locator(".cd-league tr[data-company=spacex]")).ToHaveCountAsync(1);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Blazor did run (the filters started it for enhanced navigation), and still opened no circuit.
        await Expect(page.Locator("html[data-blazor=started]")).ToHaveCountAsync(1);
        Assert.Empty(blazor);
    }
}
