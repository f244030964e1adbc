using Bunit;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Features.Editing.Deals;
using ComputeDeals.Web.Features.Editing.Shared;
using ComputeDeals.Web.Tests.Infrastructure;
using MudBlazor;

namespace ComputeDeals.Web.Tests.Features.Editing;

public class EditorComponentTests : MudBunitContext
{
    private static readonly LookupItem[] Companies = [new(1, "xAI", "xai"), new(2, "Anthropic", "anthropic")];

    private static Deal EmptyDeal() => new() { Title = string.Empty, Slug = string.Empty, AnnouncedOn = new DateOnly(2026, 5, 6), Value = Figure.Undisclosed() };

    [Fact]
    public async Task The_deal_form_shows_each_rule_error_on_its_field_in_words_that_say_how_to_fix_it()
    {
        var deal = EmptyDeal();
        deal.Value = Figure.Range(5e9, 1e9);
        deal.Sources.Add(new DealSource { Source = new Source { Url = "not a url", Title = "<b>x</b>" } });
        var form = Render<DealForm>(p => p.Add(f => f.Model, deal).Add(f => f.Companies, Companies).Add(f => f.Today, new DateOnly(2026, 6, 1)));

        await form.InvokeAsync(() => form.Instance.ValidateAsync());

        form.WaitForAssertion(() =>
        {
            var text = form.Markup;
            Assert.Contains("Enter the title.", text, StringComparison.Ordinal);
            Assert.Contains("Enter a slug (it is generated from the name", text, StringComparison.Ordinal);
            Assert.Contains("Add at least one party: the companies in the deal and their roles.", text, StringComparison.Ordinal);
            Assert.Contains("The high value is below the low one: swap them or correct one.", text, StringComparison.Ordinal);
            Assert.Contains("Enter the source URL as a full web address starting with https://", text, StringComparison.Ordinal);
            Assert.Contains("Remove the &lt; and &gt; characters: the source title is plain text.", text, StringComparison.Ordinal);
            Assert.Contains("Nothing was saved: fix the 6 problems marked below.", text, StringComparison.Ordinal);
        });
        var titleField = form.Find("[data-field=Title]");
        Assert.Contains("mud-input-error", titleField.OuterHtml + titleField.ParentElement!.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cleared_announcement_date_shows_empty_and_is_reported_as_missing()
    {
        var deal = EmptyDeal();
        var form = Render<DealForm>(p => p.Add(f => f.Model, deal).Add(f => f.Companies, Companies).Add(f => f.Today, new DateOnly(2026, 6, 1)));

        form.Find("#deal-announced").Change(string.Empty);
        await form.InvokeAsync(() => form.Instance.ValidateAsync());

        form.WaitForAssertion(() =>
        {
            Assert.Contains("Enter the announcement date.", form.Markup, StringComparison.Ordinal);
            Assert.DoesNotContain("announcement date between", form.Markup, StringComparison.Ordinal);
        });
        Assert.Equal(default, deal.AnnouncedOn);
        Assert.True(string.IsNullOrEmpty(form.Find("#deal-announced").GetAttribute("value")), form.Find("#deal-announced").OuterHtml);
    }

    [Fact]
    public async Task Fixing_a_field_clears_its_message_while_the_rest_stay()
    {
        var deal = EmptyDeal();
        var form = Render<DealForm>(p => p.Add(f => f.Model, deal).Add(f => f.Companies, Companies).Add(f => f.Today, new DateOnly(2026, 6, 1)));
        await form.InvokeAsync(() => form.Instance.ValidateAsync());

        form.Find("#deal-title").Input("xAI sells Colossus 1 compute");

        form.WaitForAssertion(() =>
        {
            Assert.DoesNotContain("Enter the title.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Add at least one party", form.Markup, StringComparison.Ordinal);
            Assert.Equal("xai-sells-colossus-1-compute", deal.Slug);
        });
    }

    [Fact]
    public async Task The_merge_dialog_names_who_saved_when_merges_one_sided_fields_and_returns_the_editors_picks()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetService<IDialogService>();
        var conflict = new ConflictInfo("alice@example.com", new DateTimeOffset(2026, 5, 6, 14, 30, 0, TimeSpan.Zero), []);
        MergeField[] fields = [new("Title", "Base", "Their title", "My title"), new("Summary", "Base", "Base", "My summary")];

        Task<IReadOnlyDictionary<string, MergeSide>?>? answer = null;
        // Start the prompt without awaiting it: it completes only when a dialog button is clicked.
        await provider.InvokeAsync(() => { answer = ConflictPrompt.AskMergeAsync(dialogs!, conflict, fields); });

        provider.WaitForAssertion(() =>
        {
            Assert.Contains("alice@example.com", provider.Markup, StringComparison.Ordinal);
            Assert.Contains("6 May 2026 14:30 UTC", provider.Markup, StringComparison.Ordinal);
            Assert.Equal("1 to resolve, 1 merged", provider.Find("table.cd-merge caption").TextContent);
            Assert.Contains("yours (only you changed it)", provider.Find("tr[data-merge-field=Summary]").TextContent, StringComparison.Ordinal);
        });
        provider.Find("tr[data-merge-field=Title]").QuerySelectorAll("input[type=radio]")[1].Click();
        provider.Find("button[data-action=merge]").Click();

        provider.WaitForAssertion(() => Assert.True(answer!.IsCompleted));
        var picks = await answer!;
        Assert.Equal(MergeSide.Theirs, Assert.Single(picks!).Value);
    }
}
