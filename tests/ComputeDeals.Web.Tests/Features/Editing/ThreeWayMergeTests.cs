using ComputeDeals.Core.Domain;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Features.Editing.Shared;

namespace ComputeDeals.Web.Tests.Features.Editing;

/// <summary>Two editors change one deal: fields only one changed merge by themselves, the rest are picked, and the merge saves.</summary>
public class ThreeWayMergeTests(TestAppFactory app) : EditingTestBase(app), IClassFixture<TestAppFactory>
{
    private static Snapshot Snap(Deal deal) => Snapshots.Of(deal, new Dictionary<int, string>(), new Dictionary<int, string>());

    [Fact]
    public async Task A_conflicting_save_merges_field_by_field_and_the_merged_deal_saves_with_both_editors_work()
    {
        var first = await UserAsync("merge-first@example.com", AppRoles.Editor);
        var second = await UserAsync("merge-second@example.com", AppRoles.Editor);
        var service = Service<DealEditor>();
        var created = await service.SaveAsync(first, await NewDealAsync("Merged deal"));
        Assert.Equal(EditOutcome.Saved, created.Outcome);

        var original = (await service.LoadAsync(created.Id))!;
        var mine = EditorJson.Clone(original);
        var theirs = (await service.LoadAsync(created.Id))!;

        // They change the summary and the term; I change the title and the summary too.
        theirs.Summary = "Their summary.";
        theirs.TermMonths = 48;
        Assert.Equal(EditOutcome.Saved, (await service.SaveAsync(first, theirs)).Outcome);
        mine.Title = "Merged deal, my title";
        mine.Summary = "My summary.";
        Assert.Equal(EditOutcome.Conflict, (await service.SaveAsync(second, mine)).Outcome);

        var saved = (await service.LoadAsync(created.Id))!;
        var fields = ThreeWayMerge.Compare(Snap(original), Snap(saved), Snap(mine));

        Assert.Equal(["Summary", "TermMonths", "Title"], fields.Select(f => f.Field).Order(StringComparer.Ordinal));
        var summary = fields.Single(f => f.Field == "Summary");
        Assert.True(summary.NeedsChoice);
        Assert.Equal(("A **test** deal.", "Their summary.", "My summary."), (summary.Original, summary.Theirs, summary.Mine));
        Assert.Equal(MergeSide.Mine, fields.Single(f => f.Field == "Title").Automatic);
        Assert.False(fields.Single(f => f.Field == "Title").NeedsChoice);
        Assert.Equal(MergeSide.Theirs, fields.Single(f => f.Field == "TermMonths").Automatic);

        var merged = ThreeWayMerge.Apply(saved, mine, fields, new Dictionary<string, MergeSide> { ["Summary"] = MergeSide.Theirs });
        var result = await service.SaveAsync(second, merged);

        Assert.Equal(EditOutcome.Saved, result.Outcome);
        var final = (await service.LoadAsync(created.Id))!;
        Assert.Equal("Merged deal, my title", final.Title);
        Assert.Equal("Their summary.", final.Summary);
        Assert.Equal(48, final.TermMonths);
    }

    [Fact]
    public void Picking_mine_where_both_changed_keeps_mine_and_untouched_fields_are_not_listed()
    {
        var original = new Deal { Title = "T", Slug = "t", Summary = "base", TermMonths = 12 };
        var theirs = new Deal { Title = "T", Slug = "t", Summary = "theirs", TermMonths = 12, Version = Guid.NewGuid() };
        var mine = new Deal { Title = "T", Slug = "t", Summary = "mine", TermMonths = 12 };

        var fields = ThreeWayMerge.Compare(Snap(original), Snap(theirs), Snap(mine));
        var merged = ThreeWayMerge.Apply(theirs, mine, fields, new Dictionary<string, MergeSide> { ["Summary"] = MergeSide.Mine });

        Assert.Equal("Summary", Assert.Single(fields).Field);
        Assert.Equal("mine", merged.Summary);
        Assert.Equal(theirs.Version, merged.Version);
    }
}
