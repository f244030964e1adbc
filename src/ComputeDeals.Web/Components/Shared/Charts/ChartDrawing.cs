namespace ComputeDeals.Web.Components.Shared.Charts;

/// <summary>
/// One chart, laid out and ready to render by <see cref="ChartFigure"/>: the shapes of its SVG layer in plot
/// units (x from 0 to <see cref="ChartDrawing.Width"/>, y in CSS pixels from the top of the plot), and the
/// text, dots and legend of its HTML layer, placed by percentage of the width so they keep their size at
/// any width. Built by <see cref="TimeChart"/> (a true time axis) or <see cref="BarChart"/> (one row per
/// company or deal); every chart of the site is one of the two.
/// </summary>
public sealed record ChartDrawing(
    string Id,
    string Kind,
    int Height,
    IReadOnlyList<ChartShape> Shapes,
    IReadOnlyList<ChartText> Texts,
    IReadOnlyList<ChartDot> Dots,
    IReadOnlyList<ChartKey> Legend,
    string Caption)
{
    /// <summary>
    /// True when the chart has nothing to plot (every input undisclosed): <see cref="ChartFigure"/> then
    /// shows the caption as a sentence instead of empty axes.
    /// </summary>
    public bool IsEmpty { get; init; }

    /// <summary>Width of the plot in plot units; the SVG stretches it to the content width.</summary>
    public const double Width = 1000;

    /// <summary>A number as SVG and CSS want it: invariant, at most two decimals.</summary>
    public static string Num(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Percentage of the width for an x in plot units.</summary>
    public static string Percent(double x) => Num(x / Width * 100) + "%";
}

/// <summary>What a shape shows, and so how it is styled (classes of wwwroot/chart.css).</summary>
public enum ChartStyle
{
    /// <summary>A grid line.</summary>
    Grid,

    /// <summary>A solid bar or line: the low end, what is certain.</summary>
    Solid,

    /// <summary>A light band from the low to the high end of a range.</summary>
    Band,

    /// <summary>A line of planned (not yet operational) capacity: dashed.</summary>
    Planned,

    /// <summary>A whisker from the low to the high end.</summary>
    Whisker,

    /// <summary>A short dotted arrow past the high end of an "at least" figure: open above.</summary>
    Open,
}

/// <summary>An SVG path in plot units, with its series tone (1–4) and style; an area is filled, a line stroked.</summary>
public sealed record ChartShape(string Path, ChartStyle Style, int Tone, string? Key = null, bool IsArea = false)
{
    public string CssClass => $"cd-chart-{(IsArea ? "area" : "stroke")} cd-chart-{Style.ToString().ToLowerInvariant()} cd-tone-{Tone}";

    /// <summary>A rectangle as a path.</summary>
    public static ChartShape Rect(double x0, double x1, double y0, double y1, ChartStyle style, int tone, string? key = null) =>
        new($"M{ChartDrawing.Num(Math.Min(x0, x1))} {ChartDrawing.Num(Math.Min(y0, y1))}H{ChartDrawing.Num(Math.Max(x0, x1))}V{ChartDrawing.Num(Math.Max(y0, y1))}H{ChartDrawing.Num(Math.Min(x0, x1))}Z", style, tone, key, IsArea: true);

    /// <summary>A polyline through points.</summary>
    public static ChartShape Line(IEnumerable<(double X, double Y)> points, ChartStyle style, int tone, string? key = null) =>
        new(string.Concat(points.Select((p, i) => (i == 0 ? "M" : "L") + ChartDrawing.Num(p.X) + " " + ChartDrawing.Num(p.Y))), style, tone, key);
}

/// <summary>Where a text sits relative to its point.</summary>
public enum ChartAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>A text of the HTML layer: a tick label or a direct label of a key point.</summary>
public sealed record ChartText(double X, double Y, string Text, ChartAnchor Anchor, string Role);

/// <summary>A marker of a data point (a date and a value, or a row's end), with its tone.</summary>
public sealed record ChartDot(double X, double Y, int Tone, string Key, bool Planned = false);

/// <summary>A legend entry: a swatch of the style and tone, and its name with the unit.</summary>
public sealed record ChartKey(string Name, ChartStyle Style, int Tone);
