using System.Net;
using Bunit;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Features.Editing.DataCenters;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Tests.Features.Editing.Forms;

/// <summary>The data-center form as an editor uses it: create with a capacity row, edit, a colleague's save in between, delete and restore.</summary>
public class DataCenterFormTests(TestAppFactory app) : EditorPageContext(app), IClassFixture<TestAppFactory>
{
    private async Task<int> CreateAsync(string name, string slug)
    {
        var other = await OtherEditorAsync("dc-colleague@example.com");
        await using var db = App.CreateDbContext();
        var center = DataCenterEditor.NewDataCenter();
        center.Name = name;
        center.Slug = slug;
        center.OperatorId = await db.Companies.Where(c => c.Slug == "xai").Select(c => c.Id).SingleAsync();
        center.Status = FacilityStatus.Operational;
        center.Capacity.Add(new CapacityRow { EffectiveDate = new DateOnly(2025, 6, 1), Power = Figure.About(150), Status = FacilityStatus.Operational });
        var result = await Service<DataCenterEditor>().SaveAsync(other, center);
        Assert.Equal(EditOutcome.Saved, result.Outcome);
        return result.Id;
    }

    private async Task<List<ChangeRecord>> ChangesAsync(int id)
    {
        await using var db = App.CreateDbContext();
        return await db.ChangeRecords.Where(c => c.EntityKind == EntityKind.DataCenter && c.EntityId == id).OrderBy(c => c.Id).ToListAsync();
    }

    [Fact]
    public async Task An_editor_creates_a_data_center_with_a_capacity_row_renames_it_and_the_old_permalink_answers_301()
    {
        await SignInEditorAsync("dc-form@example.com");
        var page = Render<DataCenterEditPage>();
        page.WaitForAssertion(() => Field(page, "Name"));

        Field(page, "Name").Input("Form Campus One");
        Pick(page, "Operator", "xAI");
        Click(page, "Add capacity row");
        page.Find("#capacity-0--power-low").Change("120");
        Click(page, "Save");

        page.WaitForAssertion(() => Assert.Matches("/editor/datacenters/[0-9]+$", CurrentUri));
        var id = int.Parse(CurrentUri[(CurrentUri.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var created = Assert.Single(await ChangesAsync(id));
        Assert.Equal((ChangeAction.Create, "dc-form@example.com"), (created.Action, created.ChangedBy));
        var fields = Snapshot.FromJson(created.Changes);
        Assert.Contains(fields, c => c is { Field: "Operator", New: "xAI" });
        Assert.Contains(fields, c => c.Field == "Capacity" && c.New!.Contains("120", StringComparison.Ordinal));

        var edit = Render<DataCenterEditPage>(p => p.Add(c => c.Id, id));
        edit.WaitForAssertion(() => Assert.Equal("120", edit.Find("#capacity-0--power-low").GetAttribute("value")));
        Field(edit, "Name").Input("Form Campus Two");
        Type(edit, "City", "Memphis");
        Click(edit, "Use the new permalink");
        Click(edit, "Save");

        edit.WaitForAssertion(() => Assert.Single(edit.FindAll(".cd-history li[data-action=Update]")));
        var updated = (await ChangesAsync(id))[^1];
        Assert.Equal(
            [new FieldChange("City", null, "Memphis"), new FieldChange("Name", "Form Campus One", "Form Campus Two"), new FieldChange("Slug", "form-campus-one", "form-campus-two")],
            Snapshot.FromJson(updated.Changes).OrderBy(c => c.Field, StringComparer.Ordinal));

        using var client = Public();
        using var old = await client.GetAsync(new Uri("/datacenters/form-campus-one", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/datacenters/form-campus-two", old.Headers.Location?.OriginalString);
        Assert.Contains("Memphis", await TextAsync("/datacenters/form-campus-two"), StringComparison.Ordinal);
    }

    // The field's "not a number" and the rule's "out of range" are one message (DataCenterRules.LatitudeMessage),
    // and neither saves anything.
    [Theory]
    [InlineData("north")]
    [InlineData("999")]
    public async Task A_latitude_that_is_not_a_number_or_out_of_range_gets_the_same_message_and_nothing_is_saved(string typed)
    {
        await SignInEditorAsync($"dc-latitude-{typed}@example.com");
        var page = Render<DataCenterEditPage>();
        page.WaitForAssertion(() => Field(page, "Name"));
        var name = $"Latitude Campus {typed}";

        Field(page, "Name").Input(name);
        Pick(page, "Operator", "xAI");
        page.Find("#datacenter-latitude").Change(typed);
        page.Find("#datacenter-longitude").Change("10");
        Click(page, "Save");

        page.WaitForAssertion(() => Assert.Contains("Enter the latitude in decimal degrees between -90 and 90, such as 35.14.", page.Markup, StringComparison.Ordinal));
        await using var db = App.CreateDbContext();
        Assert.False(await db.DataCenters.IgnoreQueryFilters().AnyAsync(d => d.Name == name));
    }

    [Fact]
    public async Task A_colleagues_save_in_between_is_merged_and_the_editor_picks_where_both_changed_a_field()
    {
        var colleague = await OtherEditorAsync("dc-colleague@example.com");
        var id = await CreateAsync("Merge Campus", "merge-campus");
        await SignInEditorAsync("dc-merger@example.com");
        var page = Render<DataCenterEditPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.Equal("150", page.Find("#capacity-0--power-low").GetAttribute("value")));

        // The colleague sets the city and a description while this form is open.
        var theirs = (await Service<DataCenterEditor>().LoadAsync(id))!;
        theirs.City = "Atlanta";
        theirs.Description = "Their description.";
        Assert.Equal(EditOutcome.Saved, (await Service<DataCenterEditor>().SaveAsync(colleague, theirs)).Outcome);

        // Here the editor adds a capacity row and writes another description.
        Click(page, "Add capacity row");
        page.Find("#capacity-1--power-low").Change("300");
        Type(page, "Description (Markdown)", "My description.");
        Click(page, "Save");

        Dialogs.WaitForAssertion(() => Assert.Equal("1 to resolve, 2 merged", Dialogs.Find("table.cd-merge caption").TextContent));
        Dialogs.WaitForAssertion(() => Dialogs.Find("tr[data-merge-field=Description]").QuerySelectorAll("input[type=radio]")[1].Click());
        Dialogs.WaitForAssertion(() => Dialogs.Find("button[data-action=merge]").Click());

        page.WaitForAssertion(() => Assert.Equal("Atlanta", Field(page, "City").GetAttribute("value")));
        Assert.Equal("300", page.Find("#capacity-1--power-low").GetAttribute("value"));
        Click(page, "Save");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".cd-history li[data-action=Update]").Count));
        var saved = (await Service<DataCenterEditor>().LoadAsync(id))!;
        Assert.Equal(("Atlanta", "Their description."), (saved.City, saved.Description));
        Assert.Equal([150d, 300d], saved.Capacity.Select(r => r.Power.Low!.Value).Order());
        var mine = (await ChangesAsync(id))[^1];
        Assert.Equal("dc-merger@example.com", mine.ChangedBy);
        Assert.Equal("Capacity", Assert.Single(Snapshot.FromJson(mine.Changes)).Field);
    }

    [Fact]
    public async Task A_deleted_data_center_leaves_its_page_the_api_and_its_operators_analytics_and_restore_brings_it_back()
    {
        var id = await CreateAsync("Vanishing Campus", "vanishing-campus");
        await SignInEditorAsync("dc-deleter@example.com");
        string[] paths = ["/datacenters/vanishing-campus", "/api/v1/datacenters/vanishing-campus"];
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(path));
        }

        Assert.Contains("vanishing-campus", await TextAsync("/api/v1/analytics/capacity/xai"), StringComparison.Ordinal);
        Assert.Contains("vanishing-campus", await TextAsync("/api/v1/datacenters?q=Vanishing"), StringComparison.Ordinal);

        var page = Render<DataCenterEditPage>(p => p.Add(c => c.Id, id));
        Click(page, "Delete");
        page.WaitForAssertion(() => Assert.Contains("Restore", page.FindAll("button").Select(b => b.TextContent.Trim())));

        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(path));
        }

        Assert.DoesNotContain("vanishing-campus", await TextAsync("/api/v1/analytics/capacity/xai"), StringComparison.Ordinal);
        Assert.DoesNotContain("vanishing-campus", await TextAsync("/api/v1/datacenters?q=Vanishing"), StringComparison.Ordinal);
        Assert.DoesNotContain("Vanishing Campus", await TextAsync("/datacenters?q=Vanishing"), StringComparison.Ordinal);

        Click(page, "Restore");
        page.WaitForAssertion(() => Assert.Contains("Delete", page.FindAll("button").Select(b => b.TextContent.Trim())));
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(path));
        }

        Assert.Contains("vanishing-campus", await TextAsync("/api/v1/analytics/capacity/xai"), StringComparison.Ordinal);
        Assert.Equal([ChangeAction.Create, ChangeAction.Delete, ChangeAction.Restore], (await ChangesAsync(id)).Select(c => c.Action));
    }
}
