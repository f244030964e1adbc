using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using QuikGraph;
using QuikGraph.Algorithms;

namespace ComputeDeals.Core.Network;

/// <summary>What the money on a flow buys: shares, compute (capacity, cloud, chips), control of a company, or plain money.</summary>
public enum FlowKind
{
    Money,
    Compute,
    Equity,
    Control,
}

/// <summary>A party of a deal in the network: the company's slug and its role.</summary>
public sealed record FlowParty(string CompanySlug, PartyRole Role);

/// <summary>A deal as the network reads it; <see cref="Value"/> is its value over the whole term (<c>DealTerms.TotalValue</c>).</summary>
public sealed record FlowDeal(int Id, string Slug, string Title, DealType Type, IReadOnlyList<FlowParty> Parties, FigureRange Value);

/// <summary>One deal drawn from the company that pays (<see cref="From"/>) to the company paid (<see cref="To"/>).</summary>
public sealed record FlowEdge(FlowDeal Deal, string From, string To, FlowKind Kind);

/// <summary>Every deal from one company to another on a circular flow, and what they add up to.</summary>
public sealed record FlowLeg(string From, string To, IReadOnlyList<FlowEdge> Edges, FigureRange Value);

/// <summary>
/// A circular flow: money leaves a company and comes back to it through the others, e.g. Google
/// invests in Anthropic while Anthropic buys Google Cloud. <see cref="Total"/> adds every leg; undisclosed
/// values are counted in it, never taken as zero.
/// </summary>
public sealed record CircularFlow(IReadOnlyList<string> Companies, IReadOnlyList<FlowLeg> Legs, FigureRange Total);

/// <summary>
/// The deal network's one definition of direction and cycles: an edge points the way a deal's money
/// moves (buyer, customer, investor or acquirer to seller, provider, investee or target); a circular
/// flow is an elementary cycle of such edges.
/// </summary>
public static class DealFlows
{
    /// <summary>Longest circular flow reported (companies on it).</summary>
    public const int MaxCycleLength = 4;

    /// <summary>Most circular flows reported, largest total first.</summary>
    public const int MaxCycles = 50;

    public static bool Pays(PartyRole role) => role is PartyRole.Buyer or PartyRole.Customer or PartyRole.Investor or PartyRole.Acquirer;

    public static bool IsPaid(PartyRole role) => role is PartyRole.Seller or PartyRole.Provider or PartyRole.Investee or PartyRole.Target;

    public static FlowKind KindOf(DealType type) => type switch
    {
        DealType.Investment => FlowKind.Equity,
        DealType.CapacitySaleOrLease or DealType.CloudCommitment or DealType.ChipPurchase => FlowKind.Compute,
        DealType.MergerAcquisition => FlowKind.Control,
        _ => FlowKind.Money,
    };

    /// <summary>The edges of a deal: one per paying and paid party (none when no party pays or none is paid, e.g. partners only).</summary>
    public static IReadOnlyList<FlowEdge> EdgesOf(FlowDeal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var payers = deal.Parties.Where(p => Pays(p.Role)).Select(p => p.CompanySlug).Distinct(StringComparer.Ordinal).ToList();
        var paid = deal.Parties.Where(p => IsPaid(p.Role)).Select(p => p.CompanySlug).Distinct(StringComparer.Ordinal).ToList();
        var kind = KindOf(deal.Type);
        return [.. payers.SelectMany(from => paid.Where(to => to != from).Select(to => new FlowEdge(deal, from, to, kind)))];
    }

    /// <summary>
    /// The circular flows among <paramref name="edges"/>: strongly connected components (QuikGraph)
    /// narrow the search to companies whose money can come back, then each elementary cycle of at most
    /// <see cref="MaxCycleLength"/> companies is listed once, starting from its alphabetically first company.
    /// </summary>
    public static IReadOnlyList<CircularFlow> FindCycles(IEnumerable<FlowEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var legs = edges.GroupBy(e => (e.From, e.To)).ToDictionary(g => g.Key, g => g.ToList());
        var graph = new AdjacencyGraph<string, SEquatableEdge<string>>(allowParallelEdges: false);
        foreach (var (from, to) in legs.Keys)
        {
            graph.AddVerticesAndEdge(new SEquatableEdge<string>(from, to));
        }

        var components = new Dictionary<string, int>(StringComparer.Ordinal);
        graph.StronglyConnectedComponents(components);
        var cycles = new List<IReadOnlyList<string>>();
        foreach (var component in components.GroupBy(c => c.Value).Where(g => g.Count() > 1))
        {
            var members = component.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var start in members.Order(StringComparer.Ordinal))
            {
                Walk(graph, members, start, [start], cycles);
            }
        }

        return [.. cycles
            .Select(cycle => ToFlow(cycle, legs))
            .OrderByDescending(f => f.Total.High)
            .ThenBy(f => string.Join(">", f.Companies), StringComparer.Ordinal)
            .Take(MaxCycles)];
    }

    // Depth-first search for cycles back to path[0] through members after it in alphabetical order,
    // so that each cycle is found once, from its first company.
    private static void Walk(AdjacencyGraph<string, SEquatableEdge<string>> graph, HashSet<string> members, string start, List<string> path, List<IReadOnlyList<string>> cycles)
    {
        foreach (var edge in graph.OutEdges(path[^1]).OrderBy(e => e.Target, StringComparer.Ordinal))
        {
            var next = edge.Target;
            if (next == start && path.Count > 1)
            {
                cycles.Add([.. path]);
            }
            else if (path.Count < MaxCycleLength && members.Contains(next)
                && string.CompareOrdinal(next, start) > 0 && !path.Contains(next, StringComparer.Ordinal))
            {
                path.Add(next);
                Walk(graph, members, start, path, cycles);
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    private static CircularFlow ToFlow(IReadOnlyList<string> cycle, Dictionary<(string From, string To), List<FlowEdge>> legs)
    {
        var flowLegs = cycle.Select((from, i) =>
        {
            var to = cycle[(i + 1) % cycle.Count];
            var leg = legs[(from, to)];
            return new FlowLeg(from, to, leg, leg.Select(e => e.Deal.Value).Aggregate(FigureRange.Empty, (sum, v) => sum + v));
        }).ToList();
        return new CircularFlow(cycle, flowLegs, flowLegs.Aggregate(FigureRange.Empty, (sum, leg) => sum + leg.Value));
    }
}
