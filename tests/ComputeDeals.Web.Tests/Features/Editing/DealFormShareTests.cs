using Bunit;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Features.Editing.Deals;
using ComputeDeals.Web.Tests.Infrastructure;

namespace ComputeDeals.Web.Tests.Features.Editing;

/// <summary>A data center's MW share is a full figure: "up to 100 MW" shows as such and stays "up to" when edited.</summary>
public class DealFormShareTests : MudBunitContext
{
    private static readonly LookupItem[] Centers = [new(7, "Colossus 1", "colossus-1")];

    private static Deal DealWithShare(Figure share)
    {
        var deal = new Deal { Title = "t", Slug = "t", AnnouncedOn = new DateOnly(2026, 5, 6), Value = Figure.Undisclosed() };
        deal.DataCenters.Add(new DealDataCenter { DataCenterId = 7, Share = share });
        return deal;
    }

    [Fact]
    public void An_up_to_share_shows_its_qualifier_and_number()
    {
        var deal = DealWithShare(Figure.UpTo(100));
        var form = Render<DealForm>(p => p.Add(f => f.Model, deal).Add(f => f.DataCenters, Centers).Add(f => f.Today, new DateOnly(2026, 6, 1)));

        var share = form.Find("#datacenters-0--share-high").Closest("fieldset")!;
        Assert.Contains("Reads as: up to 100 MW.", share.TextContent, StringComparison.Ordinal);
        Assert.Equal("100", form.Find("#datacenters-0--share-high").GetAttribute("value"));
    }

    [Fact]
    public void Editing_an_up_to_share_keeps_it_up_to_and_leaves_the_old_figure_untouched()
    {
        var original = Figure.UpTo(100);
        var deal = DealWithShare(original);
        var form = Render<DealForm>(p => p.Add(f => f.Model, deal).Add(f => f.DataCenters, Centers).Add(f => f.Today, new DateOnly(2026, 6, 1)));

        form.Find("#datacenters-0--share-high").Change("120");

        form.WaitForAssertion(() => Assert.Equal(Figure.UpTo(120), deal.DataCenters[0].Share));
        Assert.Equal(Figure.UpTo(100), original);
        Assert.Contains("Reads as: up to 120 MW.", form.Find("#datacenters-0--share-high").Closest("fieldset")!.TextContent, StringComparison.Ordinal);
    }
}
