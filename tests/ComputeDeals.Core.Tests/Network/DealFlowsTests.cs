using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Core.Network;

namespace ComputeDeals.Core.Tests.Network;

public class DealFlowsTests
{
    private static int _id;

    private static FlowDeal Deal(DealType type, Figure value, params (string Slug, PartyRole Role)[] parties) =>
        new(++_id, $"deal-{_id}", $"Deal {_id}", type, [.. parties.Select(p => new FlowParty(p.Slug, p.Role))], FigureRange.Of(value));

    [Fact]
    public void Edges_point_the_way_the_money_goes_and_say_what_it_buys()
    {
        var investment = Deal(DealType.Investment, Figure.UpTo(40e9), ("google", PartyRole.Investor), ("anthropic", PartyRole.Investee));
        var cloud = Deal(DealType.CloudCommitment, Figure.AtLeast(10e9), ("google", PartyRole.Provider), ("anthropic", PartyRole.Customer));
        var merger = Deal(DealType.MergerAcquisition, Figure.Undisclosed(), ("spacex", PartyRole.Acquirer), ("xai", PartyRole.Target));

        var equity = Assert.Single(DealFlows.EdgesOf(investment));
        var compute = Assert.Single(DealFlows.EdgesOf(cloud));
        var control = Assert.Single(DealFlows.EdgesOf(merger));

        Assert.Equal(("google", "anthropic", FlowKind.Equity), (equity.From, equity.To, equity.Kind));
        Assert.Equal(("anthropic", "google", FlowKind.Compute), (compute.From, compute.To, compute.Kind));
        Assert.Equal(("spacex", "xai", FlowKind.Control), (control.From, control.To, control.Kind));
    }

    [Fact]
    public void A_deal_with_no_paying_side_draws_no_edge_and_a_customer_pays_every_provider()
    {
        var partners = Deal(DealType.Partnership, Figure.Undisclosed(), ("a", PartyRole.Partner), ("b", PartyRole.Partner));
        var shared = Deal(DealType.Partnership, Figure.Undisclosed(), ("spacex", PartyRole.Provider), ("xai", PartyRole.Provider), ("cursor", PartyRole.Customer));

        Assert.Empty(DealFlows.EdgesOf(partners));
        var edges = DealFlows.EdgesOf(shared);
        Assert.Equal([("cursor", "spacex"), ("cursor", "xai")], edges.Select(e => (e.From, e.To)).ToList());
        Assert.All(edges, e => Assert.Equal(FlowKind.Money, e.Kind));
    }

    [Fact]
    public void Google_funds_Anthropic_while_Anthropic_buys_Google_cloud_is_one_circular_flow_with_summed_ranges()
    {
        // As in data/seed: up to $40B invested (no floor), at least $10B of TPU capacity bought.
        var investment = Deal(DealType.Investment, Figure.UpTo(40e9), ("google", PartyRole.Investor), ("anthropic", PartyRole.Investee));
        var tpu = Deal(DealType.CloudCommitment, Figure.AtLeast(10e9), ("google", PartyRole.Provider), ("anthropic", PartyRole.Customer));
        var oneWay = Deal(DealType.CloudCommitment, Figure.Range(5e9, 25e9), ("amazon", PartyRole.Provider), ("anthropic", PartyRole.Customer));

        var cycles = DealFlows.FindCycles([.. DealFlows.EdgesOf(investment), .. DealFlows.EdgesOf(tpu), .. DealFlows.EdgesOf(oneWay)]);

        var cycle = Assert.Single(cycles);
        Assert.Equal(["anthropic", "google"], cycle.Companies);
        Assert.Equal(new FigureRange(10e9, 10e9, 1, 0, 1), cycle.Legs[0].Value); // anthropic → google: at least $10B
        Assert.Equal(new FigureRange(0, 40e9, 1, 0, 0), cycle.Legs[1].Value); // google → anthropic: up to $40B
        Assert.Equal(new FigureRange(10e9, 50e9, 2, 0, 1), cycle.Total);
        Assert.Equal("$10–50B+", FigureFormatter.Format(cycle.Total, FigureUnit.Usd));
    }

    [Fact]
    public void Two_investors_that_each_sell_compute_back_make_two_circular_flows_and_undisclosed_values_are_counted()
    {
        var googleIn = Deal(DealType.Investment, Figure.UpTo(40e9), ("google", PartyRole.Investor), ("anthropic", PartyRole.Investee));
        var googleBack = Deal(DealType.CloudCommitment, Figure.AtLeast(10e9), ("google", PartyRole.Provider), ("anthropic", PartyRole.Customer));
        var amazonIn = Deal(DealType.Investment, Figure.Undisclosed(), ("amazon", PartyRole.Investor), ("anthropic", PartyRole.Investee));
        var amazonBack = Deal(DealType.CloudCommitment, Figure.Range(5e9, 25e9), ("amazon", PartyRole.Provider), ("anthropic", PartyRole.Customer));
        var amazonMore = Deal(DealType.CloudCommitment, Figure.Exact(1e9), ("amazon", PartyRole.Provider), ("anthropic", PartyRole.Customer));

        var cycles = DealFlows.FindCycles(new[] { googleIn, googleBack, amazonIn, amazonBack, amazonMore }.SelectMany(DealFlows.EdgesOf));

        Assert.Equal(2, cycles.Count);
        var amazon = cycles.Single(c => c.Companies.SequenceEqual(["amazon", "anthropic"]));
        Assert.Equal(new FigureRange(0, 0, 1, 1, 0), amazon.Legs[0].Value); // amazon → anthropic: undisclosed, counted
        Assert.Equal(new FigureRange(6e9, 26e9, 2, 0, 0), amazon.Legs[1].Value); // anthropic → amazon: $5–25B + $1B
        Assert.Equal(2, amazon.Legs[1].Edges.Count);
        Assert.Equal(new FigureRange(6e9, 26e9, 3, 1, 0), amazon.Total);
        Assert.Equal("$6–26B + 1 undisclosed", FigureFormatter.Format(amazon.Total, FigureUnit.Usd));
    }

    [Fact]
    public void A_three_company_loop_is_found_once_from_its_first_company_and_one_way_chains_are_not_cycles()
    {
        var ab = Deal(DealType.Investment, Figure.Exact(1e9), ("a", PartyRole.Investor), ("b", PartyRole.Investee));
        var bc = Deal(DealType.ChipPurchase, Figure.Exact(2e9), ("b", PartyRole.Buyer), ("c", PartyRole.Seller));
        var ca = Deal(DealType.CloudCommitment, Figure.Exact(3e9), ("c", PartyRole.Customer), ("a", PartyRole.Provider));
        var cd = Deal(DealType.Investment, Figure.Exact(4e9), ("c", PartyRole.Investor), ("d", PartyRole.Investee));

        var cycle = Assert.Single(DealFlows.FindCycles(new[] { ab, bc, ca, cd }.SelectMany(DealFlows.EdgesOf)));

        Assert.Equal(["a", "b", "c"], cycle.Companies);
        Assert.Equal(new FigureRange(6e9, 6e9, 3, 0, 0), cycle.Total);
        Assert.Empty(DealFlows.FindCycles(new[] { ab, bc, cd }.SelectMany(DealFlows.EdgesOf)));
    }
}
