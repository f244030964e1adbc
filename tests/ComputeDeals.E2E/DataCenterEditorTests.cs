using ComputeDeals.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ComputeDeals.E2E;

public class DataCenterEditorTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_editor_adds_a_data_center_with_a_capacity_row_saves_it_once_and_the_form_stays_usable()
    {
        await browser.App.CreateUserAsync("e2e-dc@example.com", "Editor");
        var page = await browser.NewPageAsync();
        await EditorSignIn.OpenAsAsync(page, "e2e-dc@example.com", "/editor/datacenters/new");

        await page.Locator("#datacenter-name").FillAsync("Test Campus Alpha");
        await EditorSignIn.PickAsync(page, "#datacenter-operator", "xAI");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add capacity row" }).ClickAsync();
        await page.Locator("#capacity-0--power-low").FillAsync("100");
        await page.Locator("#capacity-0--power-low").BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        // The saved record opens as "Edit data center" and the form still answers.
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/editor/datacenters/[0-9]+$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Edit data center");
        await Assertions.Expect(page.Locator(".cd-history")).ToContainTextAsync("Created");
        await Assertions.Expect(page.Locator("#capacity-0--power-low")).ToHaveValueAsync("100");

        await using (var db = browser.App.CreateDbContext())
        {
            var center = await db.DataCenters.Include(d => d.Capacity).SingleAsync(d => d.Name == "Test Campus Alpha");
            Assert.Equal(100, Assert.Single(center.Capacity).Power.Low);
        }

        // A bad latitude on the saved record shows its message instead of freezing the page.
        await page.Locator("#datacenter-latitude").FillAsync("999");
        await page.Locator("#datacenter-latitude").BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Enter the latitude in decimal degrees between -90 and 90, such as 35.14.")).ToBeVisibleAsync();
        await page.Locator("#datacenter-latitude").FillAsync("45");
        await page.Locator("#datacenter-longitude").FillAsync("-90");
        await page.Locator("#datacenter-longitude").BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Enter the latitude in decimal degrees between -90 and 90, such as 35.14.")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".cd-history li[data-action=Update]")).ToHaveCountAsync(1);
        await using var check = browser.App.CreateDbContext();
        Assert.Equal(45, (await check.DataCenters.SingleAsync(d => d.Name == "Test Campus Alpha")).Latitude);
    }
}
