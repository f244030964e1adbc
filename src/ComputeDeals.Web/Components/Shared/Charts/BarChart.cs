namespace ComputeDeals.Web.Components.Shared.Charts;

/// <summary>A part of a stacked bar: solid to its low end (planned parts hatched and dashed).</summary>
public sealed record BarSegment(double Low, double High, int Tone, bool Planned = false);

/// <summary>One bar of a row: its stacked segments, then a band from the sum of their low ends to the sum of their high ends.</summary>
public sealed record RangeBar(string Name, IReadOnlyList<BarSegment> Segments, string Label, bool OpenAbove = false)
{
    public double Low => Segments.Sum(s => s.Low);

    public double High => Segments.Sum(s => s.High);
}

/// <summary>A row: a company or a deal, its bars, and a note drawn instead of a bar that cannot be drawn ("owned: not tracked").</summary>
public sealed record BarRow(string Title, string Key, IReadOnlyList<RangeBar> Bars, IReadOnlyList<string> Notes);

/// <summary>
/// Lays out horizontal range bars, one row per company or deal: the row's title, then for each bar its
/// direct label ("owned 1.2–1.5 GW") on a line of its own above it, so labels never overlap bars at any
/// width; the value axis takes the whole width.
/// </summary>
public sealed class BarChart(string id, string kind)
{
    private const int TitleHeight = 18;
    private const int LabelHeight = 15;
    private const int BarHeight = 12;
    private const int BarGap = 6;
    private const int RowGap = 10;

    private readonly List<BarRow> _rows = [];
    private readonly List<ChartKey> _legend = [];

    public BarChart Row(BarRow row)
    {
        _rows.Add(row);
        return this;
    }

    public BarChart Key(string name, ChartStyle style, int tone)
    {
        _legend.Add(new ChartKey(name, style, tone));
        return this;
    }

    /// <summary>x of a value in plot units for an axis ending at <paramref name="max"/>.</summary>
    public static double X(double value, double max) => value / max * ChartDrawing.Width;

    public ChartDrawing Build(string caption, Func<double, string> tickText)
    {
        var axis = ChartScale.Nice(_rows.SelectMany(r => r.Bars).Select(b => b.High).DefaultIfEmpty(0).Max());
        var shapes = new List<ChartShape>();
        var texts = new List<ChartText>();
        var y = 0;
        foreach (var row in _rows)
        {
            texts.Add(new ChartText(0, y, row.Title, ChartAnchor.Start, "row"));
            y += TitleHeight;
            foreach (var bar in row.Bars)
            {
                texts.Add(new ChartText(0, y, bar.Label, ChartAnchor.Start, "bar-label"));
                y += LabelHeight;
                var start = 0.0;
                foreach (var segment in bar.Segments)
                {
                    var end = start + segment.Low;
                    if (end > start)
                    {
                        shapes.Add(ChartShape.Rect(X(start, axis.Max), X(end, axis.Max), y, y + BarHeight,
                            segment.Planned ? ChartStyle.Planned : ChartStyle.Solid, segment.Tone, row.Key + " " + bar.Name));
                    }

                    start = end;
                }

                var tone = bar.Segments.Count > 0 ? bar.Segments[^1].Tone : 1;
                if (bar.OpenAbove)
                {
                    // "At least": a dotted run past the high end, 3% of the width.
                    shapes.Add(ChartShape.Line([(X(bar.High, axis.Max), y + (BarHeight / 2.0)), (X(bar.High, axis.Max) + 30, y + (BarHeight / 2.0))], ChartStyle.Open, tone, row.Key + " " + bar.Name));
                }

                if (bar.High > bar.Low)
                {
                    shapes.Add(ChartShape.Rect(X(bar.Low, axis.Max), X(bar.High, axis.Max), y, y + BarHeight, ChartStyle.Band, tone, row.Key + " " + bar.Name));
                    shapes.Add(ChartShape.Line([(X(bar.High, axis.Max), y - 2), (X(bar.High, axis.Max), y + BarHeight + 2)], ChartStyle.Whisker, tone, row.Key + " " + bar.Name));
                }

                y += BarHeight + BarGap;
            }

            foreach (var note in row.Notes)
            {
                texts.Add(new ChartText(0, y, note, ChartAnchor.Start, "note"));
                y += LabelHeight + BarGap;
            }

            y += RowGap;
        }

        var legend = _legend.ToList();
        if (_rows.Any(r => r.Bars.Any(b => b.OpenAbove)))
        {
            legend.Add(new ChartKey("“at least”: open to the right", ChartStyle.Open, 0));
        }

        var height = Math.Max(y, 40);
        for (var v = 0.0; v <= axis.Max + (axis.Step / 1000); v += axis.Step)
        {
            var x = X(v, axis.Max);
            shapes.Insert(0, ChartShape.Line([(x, 0), (x, height)], ChartStyle.Grid, 0));
            texts.Add(new ChartText(x, height + 4, tickText(v), ChartScale.AnchorAt(x), axis.Max / axis.Step > 4 && Math.Round(v / axis.Step) % 2 == 1 ? "x-tick cd-chart-minor" : "x-tick"));
        }

        return new ChartDrawing(id, kind, height, shapes, texts, [], legend, caption);
    }
}
