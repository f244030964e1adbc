using Bunit;
using Bunit.TestDoubles;
using ComputeDeals.Core.Domain;
using ComputeDeals.Web.Features.Deals;
using ComputeDeals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Deals;

public class DealFilterBarTests : MudBunitContext
{
    private static readonly CompanyChoice[] Companies = [new("anthropic", "Anthropic"), new("xai", "xAI")];

    private BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    private IRenderedComponent<DealFilterBar> RenderBar(string url)
    {
        var state = TimelineUrl.Parse(url);
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<DealFilterBar>(p => p
            .Add(b => b.Filter, state.Filter)
            .Add(b => b.View, state.View)
            .Add(b => b.Companies, Companies));
    }

    /// <summary>Completes with the relative URI of the next navigation (the debounce fires on its own timer).</summary>
    private Task<string> NextNavigation()
    {
        var next = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(object? sender, Microsoft.AspNetCore.Components.Routing.LocationChangedEventArgs e)
        {
            Navigation.LocationChanged -= Handler;
            next.TrySetResult("/" + Navigation.ToBaseRelativePath(e.Location));
        }

        Navigation.LocationChanged += Handler;
        return next.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private string RelativeUri => "/" + Navigation.ToBaseRelativePath(Navigation.Uri);

    [Fact]
    public void Choosing_a_company_navigates_to_its_query_string_as_a_new_history_entry()
    {
        var bar = RenderBar("/deals?type=cloudCommitment&page=3");
        var before = Navigation.History.Count;

        bar.Find("#filter-company").Change("xai");

        Assert.Equal("/deals?company=xai&type=cloudCommitment", RelativeUri);
        Assert.Equal(before + 1, Navigation.History.Count);
        Assert.False(Navigation.History.First().Options.ReplaceHistoryEntry);
    }

    [Fact]
    public void Every_control_writes_its_parameter_and_the_table_view_is_kept()
    {
        var bar = RenderBar("/deals?view=table");

        bar.Find("#filter-type").Change("chipPurchase");
        Assert.Equal("/deals?type=chipPurchase&view=table", RelativeUri);

        bar.Render(p => p.Add(b => b.Filter, TimelineUrl.Parse(RelativeUri).Filter));
        bar.Find("#filter-status").Change("closed");
        bar.Render(p => p.Add(b => b.Filter, TimelineUrl.Parse(RelativeUri).Filter));
        bar.Find("#filter-from").Change("2025-01-01");
        bar.Render(p => p.Add(b => b.Filter, TimelineUrl.Parse(RelativeUri).Filter));
        bar.Find("#filter-to").Change("2025-12-31");
        bar.Render(p => p.Add(b => b.Filter, TimelineUrl.Parse(RelativeUri).Filter));
        bar.Find("#filter-min-value").Change("5B");
        bar.Render(p => p.Add(b => b.Filter, TimelineUrl.Parse(RelativeUri).Filter));
        bar.Find("#filter-min-mw").Change("1.5K");
        bar.Render(p => p.Add(b => b.Filter, TimelineUrl.Parse(RelativeUri).Filter));
        bar.Find("#filter-sort").Change("value-asc");

        Assert.Equal(
            "/deals?type=chipPurchase&status=closed&from=2025-01-01&to=2025-12-31&minValue=5000000000&minMw=1500&sort=value&dir=asc&view=table",
            RelativeUri);
    }

    [Fact]
    public void A_url_with_parameters_fills_the_controls()
    {
        var bar = RenderBar("/deals?q=colossus&company=xai&type=capacitySaleOrLease&status=closed&from=2026-01-01&to=2026-06-30&minValue=1250000000&minMw=300&sort=mw&dir=desc");

        Assert.Equal("colossus", bar.Find("#filter-q").GetAttribute("value"));
        Assert.Equal("xai", bar.Find("#filter-company").GetAttribute("value"));
        Assert.Equal("capacitySaleOrLease", bar.Find("#filter-type").GetAttribute("value"));
        Assert.Equal("closed", bar.Find("#filter-status").GetAttribute("value"));
        Assert.Equal("2026-01-01", bar.Find("#filter-from").GetAttribute("value"));
        Assert.Equal("2026-06-30", bar.Find("#filter-to").GetAttribute("value"));
        Assert.Equal("1.25B", bar.Find("#filter-min-value").GetAttribute("value"));
        Assert.Equal("300", bar.Find("#filter-min-mw").GetAttribute("value"));
        Assert.Equal("mw-desc", bar.Find("#filter-sort").GetAttribute("value"));
        Assert.Contains("(8 active)", bar.Find(".cd-filters-toggle").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typing_waits_for_a_pause_and_one_edit_makes_one_history_entry()
    {
        var bar = RenderBar("/deals");
        var before = Navigation.History.Count;
        var box = bar.Find("#filter-q");

        box.Focus();
        var navigated = NextNavigation();
        box.Input("colo");
        Assert.Equal("/deals", RelativeUri); // nothing yet: the debounce is still waiting
        Assert.Equal("/deals?q=colo", await navigated);
        bar.Render(p => p.Add(b => b.Filter, TimelineUrl.Parse(RelativeUri).Filter));

        navigated = NextNavigation();
        bar.Find("#filter-q").Input("colossus");
        Assert.Equal("/deals?q=colossus", await navigated);

        // The second navigation replaced the entry the first one pushed: one entry for the whole edit.
        Assert.True(Navigation.History.First().Options.ReplaceHistoryEntry);
        Assert.Equal(before + 1, Navigation.History.Count);
        // The controls keep what was typed when the page echoes the new filter back.
        Assert.Equal("colossus", bar.Find("#filter-q").GetAttribute("value"));
    }

    [Fact]
    public void An_unreadable_minimum_value_is_explained_inline_and_not_applied()
    {
        var bar = RenderBar("/deals?company=xai");

        bar.Find("#filter-min-value").Change("lots");

        Assert.Equal("/deals?company=xai", RelativeUri);
        Assert.Equal("true", bar.Find("#filter-min-value").GetAttribute("aria-invalid"));
        Assert.Contains("5B", bar.Find("#filter-min-value-help").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_filters_keeps_the_sort_and_the_view()
    {
        var bar = RenderBar("/deals?company=xai&type=investment&sort=value&view=table");

        Assert.Equal("/deals?sort=value&view=table", bar.Find("a.cd-clear").GetAttribute("href"));
    }

    [Fact]
    public void Amounts_are_written_back_exactly() =>
        Assert.Equal(["5B", "1.25B", "300M", "1234567"], new[] { 5e9, 1.25e9, 300e6, 1234567d }.Select(DealFilterBar.AmountText));

    [Fact]
    public void Every_enum_value_offered_is_one_the_filter_parses()
    {
        var bar = RenderBar("/deals");

        foreach (var option in bar.FindAll("#filter-type option, #filter-status option").Select(o => o.GetAttribute("value")).Where(v => v != ""))
        {
            var parsed = TimelineUrl.Parse($"/deals?type={option}&status={option}");
            Assert.True(parsed.Filter.Type is not null || parsed.Filter.Status is not null, option);
        }

        Assert.Equal(Enum.GetValues<DealType>().Length + 1, bar.FindAll("#filter-type option").Count);
    }
}
