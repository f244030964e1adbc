using System.Net;
using Bunit;
using ComputeDeals.Core.Domain;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Features.Editing.Companies;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Tests.Features.Editing.Forms;

/// <summary>The company form as an editor uses it: create, edit, a colleague's save in between, delete and restore.</summary>
public class CompanyFormTests(TestAppFactory app) : EditorPageContext(app), IClassFixture<TestAppFactory>
{
    private async Task<int> CreateAsync(string name, string slug)
    {
        var other = await OtherEditorAsync("company-colleague@example.com");
        var company = CompanyEditor.NewCompany();
        company.Name = name;
        company.Slug = slug;
        company.Kind = CompanyKind.Neocloud;
        var result = await Service<CompanyEditor>().SaveAsync(other, company);
        Assert.Equal(EditOutcome.Saved, result.Outcome);
        return result.Id;
    }

    private async Task<List<ChangeRecord>> ChangesAsync(int id)
    {
        await using var db = App.CreateDbContext();
        return await db.ChangeRecords.Where(c => c.EntityKind == EntityKind.Company && c.EntityId == id).OrderBy(c => c.Id).ToListAsync();
    }

    [Fact]
    public async Task An_editor_creates_a_company_renames_it_with_the_new_permalink_and_the_old_one_answers_301()
    {
        await SignInEditorAsync("company-form@example.com");
        var page = Render<CompanyEditPage>();
        page.WaitForAssertion(() => Field(page, "Name"));

        Field(page, "Name").Input("Form Foundry Alpha");
        Type(page, "Website", "https://formfoundry.example");
        Click(page, "Save");

        page.WaitForAssertion(() => Assert.Matches("/editor/companies/[0-9]+$", CurrentUri));
        var id = int.Parse(CurrentUri[(CurrentUri.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var created = Assert.Single(await ChangesAsync(id));
        Assert.Equal((ChangeAction.Create, "company-form@example.com"), (created.Action, created.ChangedBy));
        Assert.Contains(Snapshot.FromJson(created.Changes), c => c is { Field: "Website", New: "https://formfoundry.example" });

        var edit = Render<CompanyEditPage>(p => p.Add(c => c.Id, id));
        edit.WaitForAssertion(() => Assert.Equal("Form Foundry Alpha", Field(edit, "Name").GetAttribute("value")));
        Field(edit, "Name").Input("Form Foundry Beta");
        edit.WaitForAssertion(() => Assert.Contains("/companies/form-foundry-beta", edit.Find("[data-slug-offer]").TextContent, StringComparison.Ordinal));
        Click(edit, "Use the new permalink");
        Click(edit, "Save");

        edit.WaitForAssertion(() => Assert.Single(edit.FindAll(".cd-history li[data-action=Update]")));
        var updated = (await ChangesAsync(id))[^1];
        Assert.Equal(ChangeAction.Update, updated.Action);
        Assert.Equal(
            [new FieldChange("Name", "Form Foundry Alpha", "Form Foundry Beta"), new FieldChange("Slug", "form-foundry-alpha", "form-foundry-beta")],
            Snapshot.FromJson(updated.Changes).OrderBy(c => c.Field, StringComparer.Ordinal));

        using var client = Public();
        using var old = await client.GetAsync(new Uri("/companies/form-foundry-alpha", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/companies/form-foundry-beta", old.Headers.Location?.OriginalString);
        Assert.Contains("Form Foundry Beta", await TextAsync("/companies/form-foundry-beta"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_colleagues_save_in_between_is_merged_field_by_field_and_both_changes_are_kept()
    {
        var colleague = await OtherEditorAsync("company-colleague@example.com");
        var id = await CreateAsync("Merge Metal Co", "merge-metal-co");
        await SignInEditorAsync("company-merger@example.com");
        var page = Render<CompanyEditPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.Equal("Merge Metal Co", Field(page, "Name").GetAttribute("value")));

        // The colleague saves a website and a country while this form is open.
        var theirs = (await Service<CompanyEditor>().LoadAsync(id))!;
        theirs.Website = "https://mergemetal.example";
        theirs.Country = "US";
        Assert.Equal(EditOutcome.Saved, (await Service<CompanyEditor>().SaveAsync(colleague, theirs)).Outcome);

        // Here the editor writes a description and a different country, and saves.
        Type(page, "Description (Markdown)", "Builds GPU halls.");
        Type(page, "Country (ISO code)", "GB");
        Click(page, "Save");

        Dialogs.WaitForAssertion(() => Assert.Equal("1 to resolve, 2 merged", Dialogs.Find("table.cd-merge caption").TextContent));
        Assert.Contains("company-colleague@example.com", Dialogs.Markup, StringComparison.Ordinal);
        var country = Dialogs.Find("tr[data-merge-field=Country]").TextContent;
        Assert.Contains("US", country, StringComparison.Ordinal);
        Assert.Contains("GB", country, StringComparison.Ordinal);
        Dialogs.WaitForAssertion(() => Dialogs.Find("button[data-action=merge]").Click());

        // Nothing retyped: the form holds both editors' work; saving it goes through.
        page.WaitForAssertion(() => Assert.Equal("https://mergemetal.example", Field(page, "Website").GetAttribute("value")));
        Assert.Equal("Builds GPU halls.", Field(page, "Description (Markdown)").GetAttribute("value"));
        Click(page, "Save");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".cd-history li[data-action=Update]").Count));
        var saved = (await Service<CompanyEditor>().LoadAsync(id))!;
        Assert.Equal(("https://mergemetal.example", "GB", "Builds GPU halls."), (saved.Website, saved.Country, saved.Description));
        var mine = (await ChangesAsync(id))[^1];
        Assert.Equal("company-merger@example.com", mine.ChangedBy);
        Assert.Equal(["Country", "Description"], Snapshot.FromJson(mine.Changes).Select(c => c.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_deleted_company_leaves_its_page_the_api_and_analytics_and_restore_brings_it_back()
    {
        var id = await CreateAsync("Vanishing Volts", "vanishing-volts");
        await SignInEditorAsync("company-deleter@example.com");
        string[] paths = ["/companies/vanishing-volts", "/api/v1/companies/vanishing-volts", "/api/v1/analytics/capacity/vanishing-volts"];
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(path));
        }

        Assert.Contains("Vanishing Volts", await TextAsync("/api/v1/companies?q=Vanishing"), StringComparison.Ordinal);

        var page = Render<CompanyEditPage>(p => p.Add(c => c.Id, id));
        Click(page, "Delete");
        page.WaitForAssertion(() => Assert.Contains("Restore", page.FindAll("button").Select(b => b.TextContent.Trim())));

        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(path));
        }

        Assert.DoesNotContain("Vanishing Volts", await TextAsync("/api/v1/companies?q=Vanishing"), StringComparison.Ordinal);

        Click(page, "Restore");
        page.WaitForAssertion(() => Assert.Contains("Delete", page.FindAll("button").Select(b => b.TextContent.Trim())));
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(path));
        }

        Assert.Equal([ChangeAction.Create, ChangeAction.Delete, ChangeAction.Restore], (await ChangesAsync(id)).Select(c => c.Action));
    }
}
