using Microsoft.Playwright;

namespace ComputeDeals.E2E.Api;

public class ApiReferenceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_api_reference_renders_every_operation_from_the_apps_own_files_only()
    {
        var page = await browser.NewPageAsync();
        var foreign = new List<string>();
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" && url.Authority != browser.BaseAddress.Authority)
            {
                foreign.Add(request.Url);
            }
        };

        await page.GotoAsync("/api/docs");

        await Assertions.Expect(page.Locator(".opblock-summary-path", new() { HasText = "/api/v1/deals/{slug}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".opblock-summary-path", new() { HasText = "/api/v1/deals.csv" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".opblock-summary-path", new() { HasText = "/feeds/deals.atom" })).ToBeVisibleAsync();
        Assert.Empty(foreign);
    }

    [Fact]
    public async Task A_reader_tries_the_deals_endpoint_from_the_reference_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/api/docs");

        var operation = page.Locator("#operations-Deals-ListDeals");
        await operation.Locator(".opblock-summary").ClickAsync();
        // The reference opens operations ready to try (TryItOutEnabled), so the fields are editable at once.
        await operation.Locator("tr[data-param-name='company'] input").FillAsync("anthropic");
        await operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();

        var body = operation.Locator(".responses-wrapper .response-col_description .microlight").First;
        await Assertions.Expect(body).ToContainTextAsync("xai-anthropic-colossus-1");
        await Assertions.Expect(operation.Locator(".request-url")).ToContainTextAsync("/api/v1/deals?company=anthropic");
    }
}
