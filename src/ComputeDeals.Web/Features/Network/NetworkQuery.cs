using ComputeDeals.Core.Network;
using ComputeDeals.Web.Features.Analytics;
using GraphShape;
using GraphShape.Algorithms.Layout;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using QuikGraph;

namespace ComputeDeals.Web.Features.Network;

/// <summary>The /network page state in its URL: the timeline's filter, the date node sizes are read at, and how many deals to draw.</summary>
public sealed record NetworkUrl(DealFilter Filter, DateOnly? AsOf, int Top, IReadOnlyDictionary<string, string[]> Errors)
{
    public const string Path = "/network";

    /// <summary>Deals drawn by default: the largest by value, so 2,000 deals stay readable.</summary>
    public const int DefaultTop = 150;

    /// <summary>The most deals ever considered (the cap that keeps 100,000 deals fast).</summary>
    public const int MaxTop = DealFilter.MaxPageSize;

    public static NetworkUrl Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var values = query.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        var parsed = DealFilter.Parse(values.Where(p => p.Key is not ("sort" or "dir" or "page" or "pageSize")));
        var errors = new Dictionary<string, string[]>(parsed.Errors, StringComparer.Ordinal);
        string? Raw(string name) => values.TryGetValue(name, out var value) ? value.ToString() : null;
        var asOf = QueryValues.Date("asOf", Raw("asOf"), errors);
        var top = QueryValues.Integer("top", Raw("top"), 1, MaxTop, errors) ?? DefaultTop;

        return new NetworkUrl(parsed.Filter with { Sort = DealSort.Value, Descending = true, Page = 1, PageSize = top }, asOf, top, errors);
    }

    public static NetworkUrl Parse(string uri)
    {
        var queryStart = uri.IndexOf('?', StringComparison.Ordinal);
        return Parse(QueryHelpers.ParseQuery(queryStart < 0 ? string.Empty : uri[queryStart..].Split('#')[0]));
    }
}

/// <summary>A company on the map: where it is drawn, how big (MW it controls) and in which kind's colour.</summary>
public sealed record NetworkNode(string Slug, string Name, CompanyKind Kind, FigureRange? ControlledMw, double X, double Y, double Radius, bool Labelled, int DealsOut, int DealsIn)
{
    public string MwText => ControlledMw is { } mw ? FigureFormatter.Format(mw, FigureUnit.Megawatts) : "not tracked";
}

/// <summary>Where a node's label is written, to keep labels from overlapping.</summary>
public readonly record struct LabelBox(double X, double Y, double Width, double Height)
{
    public bool Overlaps(LabelBox other) =>
        X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;
}

/// <summary>A deal on the map, drawn as a curve from payer to payee.</summary>
public sealed record NetworkEdge(FlowEdge Flow, DealSummary Deal, string Path, double LabelX, double LabelY);

/// <summary>Everything the /network page draws and lists.</summary>
public sealed record NetworkMap(
    IReadOnlyList<NetworkNode> Nodes,
    IReadOnlyList<NetworkEdge> Edges,
    IReadOnlyList<CircularFlow> Cycles,
    IReadOnlyList<DealSummary> Undirected,
    int MatchingDeals,
    int ConsideredDeals,
    DateOnly AsOf,
    double Width,
    double Height)
{
    public string NameOf(string slug) => Nodes.FirstOrDefault(n => n.Slug == slug)?.Name ?? slug;
}

/// <summary>
/// Builds the deal network from one read-model snapshot (no SQL): the largest matching deals
/// (<see cref="DealListQuery.Query"/>, the timeline's filter), company names and kinds, and the MW
/// each company controls at the date (the snapshot's analytics, the capacity position's "available").
/// Direction and cycles come from Core (<see cref="DealFlows"/>); the layout from GraphShape.
/// </summary>
public sealed class NetworkQuery(ReadModel.ReadModel readModel, AnalyticsQuery analytics)
{
    public const double Width = 960;

    public const double Height = 640;

    /// <summary>
    /// Companies named on the map, at most: the largest first, and only where the name does not
    /// overlap one already written. The rest keep a tooltip and their row in the table.
    /// </summary>
    public const int MaxLabels = 40;

    /// <summary>Label font size in the SVG (NetworkPage.razor.css), and the widest a character of it gets.</summary>
    public const double LabelFontSize = 12;

    public const double LabelCharWidth = 0.62 * LabelFontSize;

    private const double Margin = 48;

    public Task<NetworkMap> BuildAsync(NetworkUrl url, CancellationToken cancellationToken = default) =>
        Task.FromResult(Build(readModel.Current, url));

    /// <summary>The map of one snapshot: the current one, or a pinned release's.</summary>
    public NetworkMap Build(ReadSnapshot snapshot, NetworkUrl url)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(url);
        var today = analytics.Today;
        var asOf = url.AsOf ?? today;
        var page = DealListQuery.Query(snapshot, url.Filter);
        var calculator = analytics.Calculator(snapshot);
        // Every company's position at today's date is the same for every request on this snapshot: computed once.
        var positions = asOf == today
            ? snapshot.Memo("network/positions/" + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), _ => Positions(calculator, today))
            : Positions(calculator, asOf);

        var flows = new List<(FlowEdge Flow, DealSummary Deal)>();
        var undirected = new List<DealSummary>();
        foreach (var deal in page.Items)
        {
            var input = new DealInput { Id = deal.Id, Slug = deal.Slug, AnnouncedOn = deal.AnnouncedOn, Value = deal.Value, ValuePeriod = deal.ValuePeriod, Status = deal.Status, Type = deal.Type };
            var flow = new FlowDeal(deal.Id, deal.Slug, deal.Title, deal.Type, [.. deal.Parties.Select(p => new FlowParty(p.Slug, p.Role))], DealTerms.TotalValue(input));
            var dealEdges = DealFlows.EdgesOf(flow);
            if (dealEdges.Count == 0)
            {
                undirected.Add(deal);
            }

            flows.AddRange(dealEdges.Select(e => (e, deal)));
        }

        var cycles = DealFlows.FindCycles(flows.Select(f => f.Flow));
        var slugs = flows.SelectMany(f => new[] { f.Flow.From, f.Flow.To }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var points = Layout(slugs, flows.Select(f => (f.Flow.From, f.Flow.To)));

        var maxMw = positions.Values.Where(r => r.DisclosedCount > 0).Select(r => Math.Max(r.High, 0)).DefaultIfEmpty(0).Max();
        double Radius(string slug) =>
            positions.TryGetValue(slug, out var mw) && mw.DisclosedCount > 0 && maxMw > 0 && mw.High > 0
                ? 6 + (22 * Math.Sqrt(mw.High / maxMw))
                : 6;
        var degree = flows.SelectMany(f => new[] { f.Flow.From, f.Flow.To }).GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var labelled = PlaceLabels(
            slugs.OrderByDescending(Radius).ThenByDescending(s => degree[s]).ThenBy(s => s, StringComparer.Ordinal)
                .Select(slug => (slug, Box: LabelBox(snapshot.CompaniesBySlug.TryGetValue(slug, out var c) ? c.Name : slug, points[slug].X, points[slug].Y, Radius(slug)))));
        var nodes = slugs.Select(slug => new NetworkNode(
            slug,
            snapshot.CompaniesBySlug.TryGetValue(slug, out var row) ? row.Name : slug,
            row?.Kind ?? CompanyKind.Other,
            positions.TryGetValue(slug, out var mw) ? mw : null,
            points[slug].X,
            points[slug].Y,
            Radius(slug),
            labelled.Contains(slug),
            flows.Count(f => f.Flow.From == slug),
            flows.Count(f => f.Flow.To == slug))).ToList();
        var bySlug = nodes.ToDictionary(n => n.Slug, StringComparer.Ordinal);

        // Several deals between the same two companies bend apart so that each stays visible and clickable.
        var edges = flows
            .GroupBy(f => (f.Flow.From, f.Flow.To))
            .SelectMany(g => g.Select((f, i) => Curve(f.Flow, f.Deal, bySlug[f.Flow.From], bySlug[f.Flow.To], i)))
            .ToList();
        return new NetworkMap(nodes, edges, cycles, undirected, page.Total, page.Items.Count, asOf, Width, Height);
    }

    private static Dictionary<string, FigureRange> Positions(AnalyticsCalculator calculator, DateOnly asOf) =>
        calculator.Positions(asOf, rollUp: false)
            .Where(p => p.Available is not null) // unknown ("not tracked", CoverageRule) sizes no node
            .ToDictionary(p => p.Company.Slug, p => p.Available!, StringComparer.Ordinal);

    /// <summary>The box a node's label takes: centred under the circle, one line of <see cref="LabelFontSize"/> text.</summary>
    public static LabelBox LabelBox(string name, double x, double y, double radius)
    {
        var width = (name.Length * LabelCharWidth) + 4;
        var baseline = y + radius + LabelFontSize;
        return new LabelBox(x - (width / 2), baseline - LabelFontSize, width, LabelFontSize + 3);
    }

    /// <summary>
    /// Greedy labelling in priority order: a label is written when it overlaps none already written,
    /// until <see cref="MaxLabels"/>; at 200 companies the map names the largest and stays readable.
    /// </summary>
    public static HashSet<string> PlaceLabels(IEnumerable<(string Slug, LabelBox Box)> candidates)
    {
        var placed = new List<LabelBox>();
        var labelled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (slug, box) in candidates)
        {
            if (labelled.Count >= MaxLabels)
            {
                break;
            }

            if (!placed.Any(box.Overlaps))
            {
                placed.Add(box);
                labelled.Add(slug);
            }
        }

        return labelled;
    }

    /// <summary>Fruchterman–Reingold (GraphShape) from a circle in slug order, so the same data always gives the same picture.</summary>
    private static Dictionary<string, Point> Layout(List<string> slugs, IEnumerable<(string From, string To)> pairs)
    {
        var result = new Dictionary<string, Point>(StringComparer.Ordinal);
        if (slugs.Count == 0)
        {
            return result;
        }

        var graph = new BidirectionalGraph<string, Edge<string>>(allowParallelEdges: false);
        graph.AddVertexRange(slugs);
        foreach (var (from, to) in pairs.Distinct())
        {
            if (!graph.ContainsEdge(from, to) && !graph.ContainsEdge(to, from))
            {
                graph.AddEdge(new Edge<string>(from, to));
            }
        }

        var start = new Dictionary<string, Point>(StringComparer.Ordinal);
        for (var i = 0; i < slugs.Count; i++)
        {
            var angle = 2 * Math.PI * i / slugs.Count;
            start[slugs[i]] = new Point((Width / 2) + (Width / 3 * Math.Cos(angle)), (Height / 2) + (Height / 3 * Math.Sin(angle)));
        }

        if (slugs.Count > 2)
        {
            var parameters = new BoundedFRLayoutParameters { Width = Width - (2 * Margin), Height = Height - (2 * Margin), MaxIterations = 120 };
            var algorithm = new FRLayoutAlgorithm<string, Edge<string>, BidirectionalGraph<string, Edge<string>>>(graph, start, parameters)
            {
                Rand = new Random(14),
            };
            algorithm.Compute();
            start = algorithm.VerticesPositions.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        }

        // Fit whatever the layout produced into the drawing, keeping the margins for labels.
        var minX = start.Values.Min(p => p.X);
        var maxX = start.Values.Max(p => p.X);
        var minY = start.Values.Min(p => p.Y);
        var maxY = start.Values.Max(p => p.Y);
        foreach (var (slug, p) in start)
        {
            var x = maxX - minX < 1 ? Width / 2 : Margin + ((p.X - minX) / (maxX - minX) * (Width - (2 * Margin)));
            var y = maxY - minY < 1 ? Height / 2 : Margin + ((p.Y - minY) / (maxY - minY) * (Height - (2 * Margin)));
            result[slug] = new Point(Math.Round(x, 1), Math.Round(y, 1));
        }

        return result;
    }

    private static NetworkEdge Curve(FlowEdge flow, DealSummary deal, NetworkNode from, NetworkNode to, int index)
    {
        var dx = to.X - from.X;
        var dy = to.Y - from.Y;
        var length = Math.Max(1, Math.Sqrt((dx * dx) + (dy * dy)));
        var (ux, uy) = (dx / length, dy / length);
        // Start and end on the circles' edges so the arrowhead stays visible.
        var (x1, y1) = (from.X + (ux * from.Radius), from.Y + (uy * from.Radius));
        var (x2, y2) = (to.X - (ux * (to.Radius + 3)), to.Y - (uy * (to.Radius + 3)));
        // Bend to the left of the direction of travel: A→B and B→A never overlap.
        var bend = 18 + (14 * index);
        var (cx, cy) = (((x1 + x2) / 2) - (uy * bend), ((y1 + y2) / 2) + (ux * bend));
        var path = string.Create(CultureInfo.InvariantCulture, $"M{x1:0.#},{y1:0.#} Q{cx:0.#},{cy:0.#} {x2:0.#},{y2:0.#}");
        return new NetworkEdge(flow, deal, path, Math.Round((x1 + (2 * cx) + x2) / 4, 1), Math.Round((y1 + (2 * cy) + y2) / 4, 1));
    }
}
