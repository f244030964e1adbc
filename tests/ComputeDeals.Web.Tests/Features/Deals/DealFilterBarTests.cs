using Bunit;
using ComputeDeals.Core.Domain;
using ComputeDeals.Web.Features.Deals;
using ComputeDeals.Web.Tests.Infrastructure;

namespace ComputeDeals.Web.Tests.Features.Deals;

/// <summary>
/// The filter bar is a plain GET form rendered on the server: what it submits is what the page reads.
/// (Applying changes at once is wwwroot/js/instant-filters.js, driven in the browser tests.)
/// </summary>
public class DealFilterBarTests : MudBunitContext
{
    private static readonly CompanyChoice[] Companies = [new("anthropic", "Anthropic"), new("xai", "xAI")];

    private IRenderedComponent<DealFilterBar> RenderBar(string url)
    {
        var state = TimelineUrl.Parse(url);
        return Render<DealFilterBar>(p => p
            .Add(b => b.Filter, state.Filter)
            .Add(b => b.View, state.View)
            .Add(b => b.Companies, Companies));
    }

    /// <summary>What a browser submits for the form as rendered: every named control with its current value.</summary>
    private static string Submitted(IRenderedComponent<DealFilterBar> bar) =>
        "/deals?" + string.Join("&", bar.Find("form").QuerySelectorAll("input[name], select[name]").Select(e =>
        {
            var value = e.TagName == "SELECT"
                ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? e.QuerySelector("option")!.GetAttribute("value")
                : e.GetAttribute("value");
            return $"{e.GetAttribute("name")}={Uri.EscapeDataString(value ?? string.Empty)}";
        }));

    [Fact]
    public void The_form_is_a_get_form_to_the_timeline_with_no_circuit_handlers()
    {
        var bar = RenderBar("/deals");

        var form = bar.Find("form");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/deals", form.GetAttribute("action"));
        Assert.True(form.HasAttribute("data-instant-filters"));
        Assert.NotNull(bar.Find("form button[type=submit]"));
        Assert.DoesNotContain("blazor:on", bar.Markup, StringComparison.Ordinal);
        Assert.Equal(
            ["q", "company", "type", "status", "from", "to", "minValue", "minMw", "order"],
            form.QuerySelectorAll("input[name]:not([type=hidden]), select[name]").Select(e => e.GetAttribute("name")));
    }

    [Fact]
    public void A_url_with_parameters_fills_the_controls_and_submitting_them_unchanged_reads_back_the_same_view()
    {
        const string url = "/deals?q=colossus&company=xai&type=capacitySaleOrLease&status=closed&from=2026-01-01&to=2026-06-30&minValue=1250000000&minMw=300&sort=mw&pageSize=10&view=table";
        var bar = RenderBar(url);

        Assert.Equal("colossus", bar.Find("#filter-q").GetAttribute("value"));
        Assert.Equal("xai", bar.Find("#filter-company option[selected]").GetAttribute("value"));
        Assert.Equal("capacitySaleOrLease", bar.Find("#filter-type option[selected]").GetAttribute("value"));
        Assert.Equal("closed", bar.Find("#filter-status option[selected]").GetAttribute("value"));
        Assert.Equal("2026-01-01", bar.Find("#filter-from").GetAttribute("value"));
        Assert.Equal("2026-06-30", bar.Find("#filter-to").GetAttribute("value"));
        Assert.Equal("1.25B", bar.Find("#filter-min-value").GetAttribute("value"));
        Assert.Equal("300", bar.Find("#filter-min-mw").GetAttribute("value"));
        Assert.Equal("mw-desc", bar.Find("#filter-sort option[selected]").GetAttribute("value"));
        Assert.Contains("(8 active)", bar.Find(".cd-filters-toggle").TextContent, StringComparison.Ordinal);
        Assert.Empty(bar.FindAll("select[value]"));

        // The browser submits the form; the page cleans the URL up to exactly the view it came from.
        Assert.Equal(url, TimelineUrl.CleanUpHref(Submitted(bar)));
    }

    [Fact]
    public void Each_order_choice_carries_the_clean_parameters_it_stands_for()
    {
        var bar = RenderBar("/deals");

        var queries = bar.FindAll("#filter-sort option").ToDictionary(o => o.GetAttribute("value")!, o => o.GetAttribute("data-query"));
        Assert.Equal(string.Empty, queries["date-desc"]);
        Assert.Equal("sort=value", queries["value-desc"]);
        Assert.Equal("sort=value&dir=asc", queries["value-asc"]);
        Assert.Equal("sort=title", queries["title-asc"]);
        Assert.Equal("sort=title&dir=desc", queries["title-desc"]);
    }

    [Fact]
    public void Clear_filters_keeps_the_sort_and_the_view()
    {
        var bar = RenderBar("/deals?company=xai&type=investment&sort=value&view=table");

        Assert.Equal("/deals?sort=value&view=table", bar.Find("a.cd-clear").GetAttribute("href"));
        Assert.Equal([("view", "table")], bar.FindAll("input[type=hidden]").Select(i => (i.GetAttribute("name"), i.GetAttribute("value"))).Select(t => (t.Item1!, t.Item2!)));
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
