using Bunit;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Features.Editing.Valuations;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Tests.Features.Editing.Forms;

/// <summary>The valuation form as an editor uses it: create, edit, a colleague's save in between, delete and restore.</summary>
public class ValuationFormTests(TestAppFactory app) : EditorPageContext(app), IClassFixture<TestAppFactory>
{
    private async Task<int> CreateAsync(string company, double amount)
    {
        var other = await OtherEditorAsync("valuation-colleague@example.com");
        await using var db = App.CreateDbContext();
        var valuation = Service<ValuationEditor>().NewValuation();
        valuation.CompanyId = await db.Companies.Where(c => c.Slug == company).Select(c => c.Id).SingleAsync();
        valuation.Amount = Figure.About(amount);
        valuation.Basis = ValuationBasis.PrivateRound;
        valuation.Source = new Source { Url = $"https://example.com/valuation/{Guid.NewGuid():N}", Title = "A round" };
        var result = await Service<ValuationEditor>().SaveAsync(other, valuation);
        Assert.Equal(EditOutcome.Saved, result.Outcome);
        return result.Id;
    }

    private async Task<List<ChangeRecord>> ChangesAsync(int id)
    {
        await using var db = App.CreateDbContext();
        return await db.ChangeRecords.Where(c => c.EntityKind == EntityKind.Valuation && c.EntityId == id).OrderBy(c => c.Id).ToListAsync();
    }

    [Fact]
    public async Task An_editor_records_a_valuation_then_corrects_its_amount_and_each_save_is_recorded()
    {
        await SignInEditorAsync("valuation-form@example.com");
        var page = Render<ValuationEditPage>();
        page.WaitForAssertion(() => Field(page, "URL"));

        Pick(page, "Company", "Anthropic");
        page.Find("#amount-low").Change("61.5");
        Type(page, "URL", "https://example.com/form-valuation");
        Type(page, "Title", "Series F");
        Click(page, "Save");

        page.WaitForAssertion(() => Assert.Matches("/editor/valuations/[0-9]+$", CurrentUri));
        var id = int.Parse(CurrentUri[(CurrentUri.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var created = Assert.Single(await ChangesAsync(id));
        Assert.Equal((ChangeAction.Create, "valuation-form@example.com"), (created.Action, created.ChangedBy));
        var fields = Snapshot.FromJson(created.Changes);
        Assert.Contains(fields, c => c is { Field: "Company", New: "Anthropic" });
        Assert.Contains(fields, c => c is { Field: "Source", New: "Series F <https://example.com/form-valuation>" });
        Assert.Equal(61.5e9, (await Service<ValuationEditor>().LoadAsync(id))!.Amount.Low);

        var edit = Render<ValuationEditPage>(p => p.Add(c => c.Id, id));
        edit.WaitForAssertion(() => Assert.Equal("61.5", edit.Find("#amount-low").GetAttribute("value")));
        edit.Find("#amount-low").Change("62");
        Click(edit, "Save");

        edit.WaitForAssertion(() => Assert.Single(edit.FindAll(".cd-history li[data-action=Update]")));
        var updated = (await ChangesAsync(id))[^1];
        var change = Assert.Single(Snapshot.FromJson(updated.Changes));
        Assert.Equal("Amount", change.Field);
        Assert.StartsWith("~$61.5B [", change.Old, StringComparison.Ordinal);
        Assert.StartsWith("~$62B [", change.New, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_colleagues_save_in_between_is_merged_and_the_editors_pick_is_saved()
    {
        var colleague = await OtherEditorAsync("valuation-colleague@example.com");
        var id = await CreateAsync("xai", 210e9);
        await SignInEditorAsync("valuation-merger@example.com");
        var page = Render<ValuationEditPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.Equal("210", page.Find("#amount-low").GetAttribute("value")));

        // The colleague corrects the basis and the amount while the form is open.
        var theirs = (await Service<ValuationEditor>().LoadAsync(id))!;
        theirs.Basis = ValuationBasis.ReportedTalks;
        theirs.Amount = Figure.About(215e9);
        Assert.Equal(EditOutcome.Saved, (await Service<ValuationEditor>().SaveAsync(colleague, theirs)).Outcome);

        // Here the editor changes the amount too, and points to a better source.
        page.Find("#amount-low").Change("230");
        page.Find("#amount-high").Change("230");
        Type(page, "URL", "https://example.com/valuation/better-source");
        Type(page, "Title", "Better source");
        Click(page, "Save");

        // Amount is the editor's call: they take the colleague's; basis and source merge by themselves.
        Dialogs.WaitForAssertion(() => Assert.Equal("1 to resolve, 2 merged", Dialogs.Find("table.cd-merge caption").TextContent));
        Dialogs.WaitForAssertion(() => Dialogs.Find("tr[data-merge-field=Amount]").QuerySelectorAll("input[type=radio]")[1].Click());
        Dialogs.WaitForAssertion(() => Dialogs.Find("button[data-action=merge]").Click());

        page.WaitForAssertion(() => Assert.Equal("215", page.Find("#amount-low").GetAttribute("value")));
        Assert.Equal("https://example.com/valuation/better-source", Field(page, "URL").GetAttribute("value"));
        Click(page, "Save");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".cd-history li[data-action=Update]").Count));
        var saved = (await Service<ValuationEditor>().LoadAsync(id))!;
        Assert.Equal((ValuationBasis.ReportedTalks, 215e9, "https://example.com/valuation/better-source"), (saved.Basis, saved.Amount.Low, saved.Source!.Url));
        Assert.Equal("valuation-merger@example.com", (await ChangesAsync(id))[^1].ChangedBy);
    }

    [Fact]
    public async Task A_deleted_valuation_leaves_the_company_page_the_api_and_analytics_and_restore_brings_it_back()
    {
        // Dated today, so it is the latest valuation of xAI everywhere.
        const double Amount = 987.6e9;
        var id = await CreateAsync("xai", Amount);
        await SignInEditorAsync("valuation-deleter@example.com");
        var shown = System.Net.WebUtility.HtmlEncode(FigureFormatter.Format(Figure.About(Amount), FigureUnit.Usd));
        const string InApi = "987600000000";

        async Task AssertShownAsync(bool expected)
        {
            var surfaces = new[]
            {
                (await TextAsync("/companies/xai")).Contains(shown, StringComparison.Ordinal),
                (await TextAsync("/api/v1/valuations?company=xai")).Contains(InApi, StringComparison.Ordinal),
                (await TextAsync("/api/v1/analytics/valuations?companies=xai,anthropic")).Contains(InApi, StringComparison.Ordinal),
            };
            Assert.Equal([expected, expected, expected], surfaces);
        }

        await AssertShownAsync(true);

        var page = Render<ValuationEditPage>(p => p.Add(c => c.Id, id));
        Click(page, "Delete");
        page.WaitForAssertion(() => Assert.Contains("Restore", page.FindAll("button").Select(b => b.TextContent.Trim())));
        await AssertShownAsync(false);

        Click(page, "Restore");
        page.WaitForAssertion(() => Assert.Contains("Delete", page.FindAll("button").Select(b => b.TextContent.Trim())));
        await AssertShownAsync(true);
        Assert.Equal([ChangeAction.Create, ChangeAction.Delete, ChangeAction.Restore], (await ChangesAsync(id)).Select(c => c.Action));
    }
}
