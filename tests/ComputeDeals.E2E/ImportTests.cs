using System.Text;
using System.Text.RegularExpressions;
using ComputeDeals.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComputeDeals.E2E;

/// <summary>The CSV import in a real browser: upload, preview (problems by row and column, or the deals), commit as drafts.</summary>
public class ImportTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Header = "title,announced_on,type,status,parties,value_low,value_high,value_qualifier,capacity_low,capacity_qualifier,summary,source_url,source_title";

    private static FilePayload Csv(params string[] rows) => new()
    {
        Name = "deals.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(Header + "\r\n" + string.Join("\r\n", rows) + "\r\n"),
    };

    [Fact]
    public async Task An_editor_uploads_a_file_sees_its_problems_fixes_it_previews_the_deals_and_imports_them_as_drafts()
    {
        await browser.App.CreateUserAsync("e2e-import@example.com", "Editor");
        var page = await browser.NewPageAsync();
        await EditorSignIn.OpenAsAsync(page, "e2e-import@example.com", "/editor/import");

        // A file with a bad row: the problem is shown by row and column and there is nothing to commit.
        await page.Locator("#import-file").SetInputFilesAsync(Csv(
            "Browser import one,2026-04-01,CloudCommitment,Announced,Google:Provider;Anthropic:Customer,1000000000,2000000000,Approximately,,,A summary,https://example.com/browser-one,One",
            "Browser import two,2026-13-40,ChipPurchase,Rumored,xai:Buyer;nvidia:Seller,,5000000000,UpTo,200,AtLeast,,https://example.com/browser-two,Two"));
        await Expect(page.Locator(".cd-import-summary")).ToHaveAttributeAsync("data-errors", new Regex("^[1-9]"));
        await Expect(page.Locator("table.cd-import-errors tbody tr", new() { HasText = "announced_on" }).First).ToBeVisibleAsync();
        // Every problem is on the bad row: line 3 of the file, after the header and the good row.
        Assert.All(await page.Locator("table.cd-import-errors tbody tr td:first-child").AllTextContentsAsync(), row => Assert.Equal("3", row.Trim()));
        await Expect(page.Locator(".cd-import-commit")).ToHaveCountAsync(0);

        // The corrected file previews both deals.
        await page.Locator("#import-file").SetInputFilesAsync(Csv(
            "Browser import one,2026-04-01,CloudCommitment,Announced,Google:Provider;Anthropic:Customer,1000000000,2000000000,Approximately,,,A summary,https://example.com/browser-one,One",
            "Browser import two,2026-04-02,ChipPurchase,Rumored,xai:Buyer;nvidia:Seller,,5000000000,UpTo,200,AtLeast,,https://example.com/browser-two,Two"));
        await Expect(page.Locator(".cd-import-summary")).ToHaveAttributeAsync("data-errors", "0");
        await Expect(page.Locator(".cd-import-summary")).ToHaveAttributeAsync("data-rows", "2");
        await Expect(page.Locator("table.cd-import-errors tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("table.cd-import-errors tbody")).ToContainTextAsync("Browser import two");
        await using (var before = browser.App.CreateDbContext())
        {
            Assert.False(await before.Deals.AnyAsync(d => d.Title.StartsWith("Browser import")));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 deals as drafts" }).ClickAsync();
        await Expect(page.GetByText("Imported 2 deals", new() { Exact = false })).ToBeVisibleAsync();

        await using var db = browser.App.CreateDbContext();
        var imported = await db.Deals.Where(d => d.Title.StartsWith("Browser import")).OrderBy(d => d.Title).ToListAsync();
        Assert.Equal(["Browser import one", "Browser import two"], imported.Select(d => d.Title));
        Assert.All(imported, d => Assert.False(d.IsPublished));
    }
}
