using ComputeDeals.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ComputeDeals.E2E;

public class EditorTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_editor_signs_in_creates_a_deal_with_parties_a_figure_and_a_source_publishes_it_and_finds_it_on_the_timeline()
    {
        await browser.App.CreateUserAsync("e2e-editor@example.com", "Editor");
        var page = await browser.NewPageAsync();
        var policyErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                policyErrors.Add(message.Text);
            }
        };

        await page.GotoAsync("/editor/deals/new");
        await page.WaitForURLAsync("**/account/login?*");
        await page.GetByLabel("Email").FillAsync("e2e-editor@example.com");
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/editor/deals/new");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeVisibleAsync();

        await page.Locator("#deal-title").FillAsync("Nebius leases 50 MW to Anthropic");
        await Assertions.Expect(page.Locator("#deal-slug")).ToHaveValueAsync("nebius-leases-50-mw-to-anthropic");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add party" }).ClickAsync();
        await PickCompanyAsync(page, 0, "xAI");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add party" }).ClickAsync();
        await PickCompanyAsync(page, 1, "Anthropic");

        // Publishing without a source is refused with the reason on the field.
        await page.Locator("[data-field='Capacity.Qualifier']").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "approximately" }).ClickAsync();
        await page.Locator("#capacity-low").FillAsync("50");
        await page.Locator("#capacity-low").BlurAsync();
        await page.Locator("[data-action=publish]").ClickAsync();
        await Assertions.Expect(page.Locator("p[data-field=Sources]")).ToContainTextAsync("Add at least one source before publishing");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add source" }).ClickAsync();
        await page.Locator("#source-0-url").FillAsync("https://example.com/nebius-anthropic");
        await page.Locator("#source-0-title").FillAsync("Nebius signs Anthropic");
        await page.Locator("#source-0-title").BlurAsync();
        await page.Locator("[data-action=publish]").ClickAsync();

        await page.WaitForURLAsync("**/editor/deals/*");
        await Assertions.Expect(page.Locator("[data-status=published]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".cd-history")).ToContainTextAsync("Published");
        await Assertions.Expect(page.Locator(".cd-history")).ToContainTextAsync("by e2e-editor@example.com");

        await page.GotoAsync("/deals?view=table");
        var row = page.Locator("tbody tr", new() { HasText = "Nebius leases 50 MW to Anthropic" });
        await Assertions.Expect(row).ToContainTextAsync("~50 MW");

        await using var db = browser.App.CreateDbContext();
        var deal = await db.Deals.Include(d => d.Parties).Include(d => d.Sources).SingleAsync(d => d.Slug == "nebius-leases-50-mw-to-anthropic");
        Assert.True(deal.IsPublished);
        Assert.Equal(2, deal.Parties.Count);
        Assert.Single(deal.Sources);
        Assert.Equal(50, deal.Capacity!.Low);
        Assert.DoesNotContain(policyErrors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task PickCompanyAsync(IPage page, int index, string name)
    {
        var input = page.Locator($"#party-{index}-company");
        await input.ClickAsync();
        await input.FillAsync(name);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{name}$") }).ClickAsync();
        await Assertions.Expect(input).ToHaveValueAsync(name);
        // Leave the field and check the choice stuck (the autocomplete clears text it cannot match).
        await input.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Assertions.Expect(input).ToHaveValueAsync(name);
    }
}
