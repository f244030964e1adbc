using System.Text.Json;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Tests.Features.Editing;

public class DealEditorTests(TestAppFactory app) : EditingTestBase(app), IClassFixture<TestAppFactory>
{
    [Fact]
    public async Task An_anonymous_user_cannot_save_and_nothing_changes()
    {
        var before = await CountsAsync();

        var result = await Service<DealEditor>().SaveAsync(Anonymous, await NewDealAsync("Anonymous deal"));

        Assert.Equal(EditOutcome.Forbidden, result.Outcome);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_signed_in_user_without_the_editor_role_cannot_save_delete_or_publish()
    {
        var reader = await UserAsync("reader@example.com", role: null);
        var before = await CountsAsync();
        await using var db = App.CreateDbContext();
        var seeded = await db.Deals.AsNoTracking().FirstAsync();
        var editor = Service<DealEditor>();

        Assert.Equal(EditOutcome.Forbidden, (await editor.SaveAsync(reader, await NewDealAsync("Reader deal"))).Outcome);
        Assert.Equal(EditOutcome.Forbidden, (await editor.SetDeletedAsync(reader, seeded.Id, seeded.Version, true)).Outcome);
        Assert.Equal(EditOutcome.Forbidden, (await editor.SetPublishedAsync(reader, seeded.Id, seeded.Version, false)).Outcome);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_editor_creates_a_draft_and_the_change_record_lists_its_fields()
    {
        var editor = await UserAsync("creator@example.com", AppRoles.Editor);

        var result = await Service<DealEditor>().SaveAsync(editor, await NewDealAsync("Creator deal"));

        Assert.Equal(EditOutcome.Saved, result.Outcome);
        Assert.Equal("creator-deal", result.Slug);
        await using var db = App.CreateDbContext();
        var deal = await db.Deals.Include(d => d.Parties).SingleAsync(d => d.Id == result.Id);
        Assert.False(deal.IsPublished);
        Assert.Equal(2, deal.Parties.Count);
        var record = await db.ChangeRecords.SingleAsync(c => c.EntityKind == EntityKind.Deal && c.EntityId == result.Id);
        Assert.Equal(ChangeAction.Create, record.Action);
        Assert.Equal("creator@example.com", record.ChangedBy);
        var fields = Snapshot.FromJson(record.Changes).ToDictionary(c => c.Field);
        Assert.Equal("Creator deal", fields["Title"].New);
        Assert.Null(fields["Title"].Old);
        Assert.Equal("xAI (Seller); Anthropic (Buyer)", fields["Parties"].New);
        Assert.Equal("no", fields["Published"].New);
    }

    [Fact]
    public async Task An_edit_records_exactly_the_changed_fields_old_and_new_and_keeps_the_old_slug()
    {
        var editor = await UserAsync("renamer@example.com", AppRoles.Editor);
        var service = Service<DealEditor>();
        var created = await service.SaveAsync(editor, await NewDealAsync("Renamed deal"));
        var deal = (await service.LoadAsync(created.Id))!;

        deal.Title = "Renamed deal, bigger";
        deal.Slug = "renamed-deal-bigger";
        deal.Capacity = Figure.About(150);
        var result = await service.SaveAsync(editor, deal);

        Assert.Equal(EditOutcome.Saved, result.Outcome);
        Assert.NotEqual(created.Version, result.Version);
        await using var db = App.CreateDbContext();
        var record = await db.ChangeRecords.Where(c => c.EntityKind == EntityKind.Deal && c.EntityId == created.Id).OrderBy(c => c.Id).LastAsync();
        Assert.Equal(ChangeAction.Update, record.Action);
        var changes = Snapshot.FromJson(record.Changes);
        Assert.Equal(["Title", "Slug", "Capacity"], changes.Select(c => c.Field));
        Assert.Equal(new FieldChange("Title", "Renamed deal", "Renamed deal, bigger"), changes[0]);
        Assert.Equal(new FieldChange("Slug", "renamed-deal", "renamed-deal-bigger"), changes[1]);
        Assert.Equal("~150 MW [Approximately, Reported, 150..150]", changes[2].New);
        var history = await db.SlugHistory.SingleAsync(h => h.EntityKind == EntityKind.Deal && h.EntityId == created.Id);
        Assert.Equal("renamed-deal", history.OldSlug);
        using var json = JsonDocument.Parse(record.Changes);
        Assert.Equal("old", json.RootElement[0].EnumerateObject().ElementAt(1).Name);
    }

    [Fact]
    public async Task A_save_with_a_stale_version_is_refused_naming_who_saved_and_what_differs()
    {
        var first = await UserAsync("first@example.com", AppRoles.Editor);
        var second = await UserAsync("second@example.com", AppRoles.Editor);
        var service = Service<DealEditor>();
        var created = await service.SaveAsync(first, await NewDealAsync("Contested deal"));
        var mine = (await service.LoadAsync(created.Id))!;
        var theirs = (await service.LoadAsync(created.Id))!;

        theirs.Summary = "Their summary.";
        Assert.Equal(EditOutcome.Saved, (await service.SaveAsync(first, theirs)).Outcome);
        mine.Title = "Contested deal, my title";
        var before = await CountsAsync();
        var result = await service.SaveAsync(second, mine);

        Assert.Equal(EditOutcome.Conflict, result.Outcome);
        Assert.Equal("first@example.com", result.Conflict!.ChangedBy);
        Assert.NotEqual(default, result.Conflict.ChangedAt);
        Assert.Contains(result.Conflict.Differences, d => d.Field == "Title" && d.Old == "Contested deal" && d.New == "Contested deal, my title");
        Assert.Contains(result.Conflict.Differences, d => d.Field == "Summary" && d.Old == "Their summary." && d.New == "A **test** deal.");
        Assert.Equal(before, await CountsAsync());
        Assert.Equal("Contested deal", (await service.LoadAsync(created.Id))!.Title);
    }

    [Fact]
    public async Task Publishing_needs_a_source_and_a_refused_publish_changes_nothing()
    {
        var editor = await UserAsync("publisher@example.com", AppRoles.Editor);
        var service = Service<DealEditor>();
        var input = await NewDealAsync("Unsourced deal");
        input.Sources.Clear();
        var created = await service.SaveAsync(editor, input);
        Assert.Equal(EditOutcome.Saved, created.Outcome);
        var before = await CountsAsync();

        var refused = await service.SetPublishedAsync(editor, created.Id, created.Version, true);

        Assert.Equal(EditOutcome.Invalid, refused.Outcome);
        Assert.Contains("Add at least one source before publishing", refused.Errors!.For("Sources"), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        Assert.False((await service.LoadAsync(created.Id))!.IsPublished);
    }

    [Fact]
    public async Task Publish_delete_and_restore_each_write_their_own_change_record()
    {
        var editor = await UserAsync("lifecycle@example.com", AppRoles.Editor);
        var service = Service<DealEditor>();
        var created = await service.SaveAsync(editor, await NewDealAsync("Lifecycle deal"));

        var published = await service.SetPublishedAsync(editor, created.Id, created.Version, true);
        var deleted = await service.SetDeletedAsync(editor, created.Id, published.Version, true);
        var restored = await service.SetDeletedAsync(editor, created.Id, deleted.Version, false);

        Assert.All([published, deleted, restored], r => Assert.Equal(EditOutcome.Saved, r.Outcome));
        await using var db = App.CreateDbContext();
        var actions = await db.ChangeRecords.Where(c => c.EntityKind == EntityKind.Deal && c.EntityId == created.Id).OrderBy(c => c.Id).Select(c => c.Action).ToListAsync();
        Assert.Equal([ChangeAction.Create, ChangeAction.Publish, ChangeAction.Delete, ChangeAction.Restore], actions);
        Assert.True((await db.Deals.SingleAsync(d => d.Id == created.Id)).IsPublished);
    }

    [Fact]
    public async Task A_slug_used_by_another_deal_is_refused_on_the_slug_field_and_nothing_is_saved()
    {
        var editor = await UserAsync("slugger@example.com", AppRoles.Editor);
        await using (var db = App.CreateDbContext())
        {
            var taken = await db.Deals.Select(d => d.Slug).FirstAsync();
            var input = await NewDealAsync("Slug clash");
            input.Slug = taken;
            var before = await CountsAsync();

            var result = await Service<DealEditor>().SaveAsync(editor, input);

            Assert.Equal(EditOutcome.Invalid, result.Outcome);
            Assert.Contains("already used", result.Errors!.For("Slug"), StringComparison.Ordinal);
            Assert.Equal(before, await CountsAsync());
        }
    }

    [Fact]
    public async Task An_editor_whose_role_was_removed_cannot_save_any_more()
    {
        var editor = await UserAsync("demoted@example.com", AppRoles.Editor);
        var service = Service<DealEditor>();
        Assert.Equal(EditOutcome.Saved, (await service.SaveAsync(editor, await NewDealAsync("Before demotion"))).Outcome);
        var admin = await UserAsync("demoter@example.com", AppRoles.Admin);

        var error = await Service<UserAdminService>().SetRoleAsync(admin, (await App.CreateUserAsync("demoted@example.com", null)), AppRoles.Editor, granted: false);

        Assert.Null(error);
        Assert.Equal(EditOutcome.Forbidden, (await service.SaveAsync(editor, await NewDealAsync("After demotion"))).Outcome);
    }
}
