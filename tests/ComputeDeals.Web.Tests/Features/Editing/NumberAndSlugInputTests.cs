using Bunit;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Features.Editing.Deals;
using ComputeDeals.Web.Tests.Infrastructure;

namespace ComputeDeals.Web.Tests.Features.Editing;

/// <summary>Numbers typed into the deal form that are not usable, and the slug offered after a retitle.</summary>
public class NumberAndSlugInputTests : MudBunitContext
{
    private static readonly LookupItem[] Companies = [new(1, "xAI", "xai"), new(2, "Anthropic", "anthropic")];

    private static Deal SavedDeal() => new()
    {
        Id = 7,
        Title = "xAI sells Colossus 1 compute to Anthropic",
        Slug = "xai-sells-colossus-1-compute-to-anthropic",
        AnnouncedOn = new DateOnly(2026, 5, 6),
        Type = DealType.CapacitySaleOrLease,
        Status = DealStatus.Announced,
        Value = Figure.About(5e9),
        TermMonths = 24,
        Parties = [new DealParty { CompanyId = 1, Role = PartyRole.Seller }, new DealParty { CompanyId = 2, Role = PartyRole.Buyer }],
        Sources = [new DealSource { Source = new Source { Url = "https://example.com/report", Title = "A report" }, Supports = SourceSupports.Value }],
    };

    private IRenderedComponent<DealForm> RenderForm(Deal deal) =>
        Render<DealForm>(p => p.Add(f => f.Model, deal).Add(f => f.Companies, Companies).Add(f => f.Today, new DateOnly(2026, 6, 1)));

    [Theory]
    [InlineData("99999999999")]
    [InlineData("NaN")]
    [InlineData("12.5")]
    [InlineData("two years")]
    public async Task A_term_that_is_not_a_whole_number_of_months_shows_on_the_field_and_blocks_the_save_without_touching_the_term(string typed)
    {
        var deal = SavedDeal();
        var form = RenderForm(deal);

        form.Find("#deal-term-months").Change(typed);

        form.WaitForAssertion(() => Assert.Contains("Enter the term as a whole number of months from 1 to 1200.", form.Markup, StringComparison.Ordinal));
        Assert.Equal(typed, form.Find("#deal-term-months").GetAttribute("value"));
        Assert.Equal(24, deal.TermMonths);

        var valid = await form.InvokeAsync(() => form.Instance.ValidateAsync());

        Assert.False(valid);
        form.WaitForAssertion(() => Assert.Contains("Nothing was saved: fix the 1 problem marked below.", form.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_term_in_range_is_taken_and_one_out_of_range_gets_the_rule_message()
    {
        var deal = SavedDeal();
        var form = RenderForm(deal);

        form.Find("#deal-term-months").Change("1,201");
        Assert.Equal(1201, deal.TermMonths);
        Assert.False(await form.InvokeAsync(() => form.Instance.ValidateAsync()));
        // Out of range and unreadable read alike: one message (DealRules.TermMonthsMessage), which the import uses too.
        form.WaitForAssertion(() => Assert.Contains("Enter the term as a whole number of months from 1 to 1200.", form.Markup, StringComparison.Ordinal));

        form.Find("#deal-term-months").Change("36");
        Assert.Equal(36, deal.TermMonths);
        Assert.True(await form.InvokeAsync(() => form.Instance.ValidateAsync()));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-∞")]
    [InlineData("1e400")]
    public async Task A_figure_number_that_is_not_finite_is_refused_on_its_field_and_the_figure_keeps_its_value(string typed)
    {
        var deal = SavedDeal();
        var form = RenderForm(deal);

        form.Find("#value-low").Change(typed);

        form.WaitForAssertion(() => Assert.Contains("Enter the low value as a number in $B", form.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("E+308", form.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(5e9, deal.Value.Low);
        Assert.False(await form.InvokeAsync(() => form.Instance.ValidateAsync()));

        form.Find("#value-low").Change("4.5");

        Assert.Equal(4.5e9, deal.Value.Low);
        Assert.True(await form.InvokeAsync(() => form.Instance.ValidateAsync()));
        form.WaitForAssertion(() => Assert.DoesNotContain("Enter the low value as a number", form.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Retitling_a_saved_deal_offers_the_new_slug_and_says_the_old_link_redirects_but_changes_nothing_until_accepted()
    {
        var deal = SavedDeal();
        var form = RenderForm(deal);
        Assert.Empty(form.FindAll("[data-slug-offer]"));

        form.Find("#deal-title").Input("Anthropic buys all of Colossus 1");

        var offer = form.WaitForElement("[data-slug-offer]");
        Assert.Equal("anthropic-buys-all-of-colossus-1", offer.GetAttribute("data-slug-offer"));
        Assert.Contains("/deals/xai-sells-colossus-1-compute-to-anthropic", offer.TextContent, StringComparison.Ordinal);
        Assert.Contains("redirects (301)", offer.TextContent, StringComparison.Ordinal);
        Assert.Equal("xai-sells-colossus-1-compute-to-anthropic", deal.Slug);

        offer.QuerySelector("button")!.Click();

        Assert.Equal("anthropic-buys-all-of-colossus-1", deal.Slug);
        form.WaitForAssertion(() =>
        {
            Assert.Empty(form.FindAll("[data-slug-offer]"));
            var note = form.Find("[data-slug-change]");
            Assert.Contains("the old link /deals/xai-sells-colossus-1-compute-to-anthropic redirects (301)", note.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_new_deal_has_no_offer_its_slug_follows_the_title()
    {
        var deal = SavedDeal();
        deal.Id = 0;
        deal.Slug = string.Empty;
        var form = RenderForm(deal);

        form.Find("#deal-title").Input("Google invests in Anthropic");

        Assert.Equal("google-invests-in-anthropic", deal.Slug);
        Assert.Empty(form.FindAll("[data-slug-offer]"));
        Assert.Empty(form.FindAll("[data-slug-change]"));
    }

    [Fact]
    public void The_summary_field_states_its_limit()
    {
        var form = RenderForm(SavedDeal());

        Assert.Contains("Up to 8,000 characters.", form.Markup, StringComparison.Ordinal);
    }
}
