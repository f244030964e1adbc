namespace ComputeDeals.Web.Components.Shared.Charts;

/// <summary>A step of a step line: the value range in force from a date until the next step.</summary>
public sealed record TimeStep(DateOnly From, double Low, double High, bool Planned, bool OpenAbove = false);

/// <summary>A dated value range (low = high for an exact value).</summary>
public sealed record TimePoint(DateOnly Date, double Low, double High, bool OpenAbove = false);

/// <summary>A bar over a period (a quarter): solid to the low end, a band from the low to the high end.</summary>
public sealed record TimeBar(DateOnly From, DateOnly To, double Low, double High, string Key, bool OpenAbove = false);

/// <summary>
/// Lays out a chart with a true time axis: x is proportional to the number of days since the first
/// date, so seven months take half the width of fifteen. Ranges are drawn as bands (steps, bars) or
/// whiskers (points); planned steps are dashed.
/// </summary>
public sealed class TimeChart(string id, string kind, int height = 200)
{
    private readonly List<(string Name, int Tone, IReadOnlyList<TimeStep> Steps)> _steps = [];
    private readonly List<(string Name, int Tone, IReadOnlyList<TimePoint> Points)> _points = [];
    private readonly List<(string Name, int Tone, IReadOnlyList<TimeBar> Bars)> _bars = [];
    private readonly List<(DateOnly Date, double Value, string Text)> _labels = [];

    /// <summary>Height in px of the arrow that marks an "at least" figure as open above.</summary>
    public const int OpenArrow = 22;

    public TimeChart Steps(string name, int tone, IReadOnlyList<TimeStep> steps)
    {
        _steps.Add((name, tone, steps));
        return this;
    }

    public TimeChart Points(string name, int tone, IReadOnlyList<TimePoint> points)
    {
        _points.Add((name, tone, points));
        return this;
    }

    public TimeChart Bars(string name, int tone, IReadOnlyList<TimeBar> bars)
    {
        _bars.Add((name, tone, bars));
        return this;
    }

    /// <summary>Labels a key point directly ("1.2 GW planned").</summary>
    public TimeChart Label(DateOnly date, double value, string text)
    {
        _labels.Add((date, value, text));
        return this;
    }

    /// <summary>The first and last day of the x axis.</summary>
    public (DateOnly Start, DateOnly End) Domain()
    {
        var dates = _steps.SelectMany(s => s.Steps.Select(p => p.From))
            .Concat(_points.SelectMany(s => s.Points.Select(p => p.Date)))
            .Concat(_bars.SelectMany(s => s.Bars.SelectMany(b => new[] { b.From, b.To })))
            .ToList();
        if (dates.Count == 0)
        {
            // Nothing dated to draw (callers show a sentence instead): any one-year axis will do.
            return (new DateOnly(2000, 1, 1), new DateOnly(2001, 1, 1));
        }

        var first = dates.Min();
        var last = dates.Max();
        if (_bars.Count > 0 && _steps.Count == 0 && _points.Count == 0)
        {
            return (first, last);
        }

        var span = Math.Max(last.DayNumber - first.DayNumber, 120);
        var before = (int)Math.Ceiling(span * 0.05);

        // A step holds until the next one: the last step gets room to show it goes on.
        var after = _steps.Count > 0 ? (int)Math.Ceiling(span * 0.15) : before;
        if (first == last)
        {
            before = after = 180;
        }

        return (first.AddDays(-before), last.AddDays(after));
    }

    /// <summary>x of a date in plot units (0 to <see cref="ChartDrawing.Width"/>).</summary>
    public static double X(DateOnly date, (DateOnly Start, DateOnly End) domain) =>
        (date.DayNumber - domain.Start.DayNumber) * ChartDrawing.Width / Math.Max(1, domain.End.DayNumber - domain.Start.DayNumber);

    /// <summary>The arrow above an "at least" figure's floor: its value may be higher.</summary>
    public static ChartShape OpenMark(double x, double y, int tone, string? key) =>
        ChartShape.Line([(x, y), (x, y - OpenArrow)], ChartStyle.Open, tone, key);

    public ChartDrawing Build(string caption, Func<double, string> tickText)
    {
        var domain = Domain();
        var max = _steps.SelectMany(s => s.Steps.Select(p => p.High))
            .Concat(_points.SelectMany(s => s.Points.Select(p => p.High)))
            .Concat(_bars.SelectMany(s => s.Bars.Select(b => b.High)))
            .DefaultIfEmpty(0).Max();
        var axis = ChartScale.Nice(max * 1.12);
        double Y(double value) => height - (value / axis.Max * height);
        double XOf(DateOnly date) => X(date, domain);

        var shapes = new List<ChartShape>();
        var texts = new List<ChartText>();
        var dots = new List<ChartDot>();
        var legend = new List<ChartKey>();

        for (var v = 0.0; v <= axis.Max + (axis.Step / 1000); v += axis.Step)
        {
            shapes.Add(ChartShape.Line([(0, Y(v)), (ChartDrawing.Width, Y(v))], ChartStyle.Grid, 0));
            if (v > 0 || _bars.Count == 0)
            {
                // Bars start at zero: their baseline needs no label, which would sit on the first bar.
                texts.Add(new ChartText(0, Y(v) - 1, tickText(v), ChartAnchor.Start, "y-tick"));
            }
        }

        foreach (var (date, label, minor) in ChartScale.DateTicks(domain.Start, domain.End))
        {
            var x = XOf(date);
            shapes.Add(ChartShape.Line([(x, 0), (x, height)], ChartStyle.Grid, 0));
            texts.Add(new ChartText(x, height + 4, label, ChartScale.AnchorAt(x), minor ? "x-tick cd-chart-minor" : "x-tick"));
        }

        foreach (var (name, tone, bars) in _bars)
        {
            foreach (var bar in bars)
            {
                var x0 = XOf(bar.From);
                var x1 = XOf(bar.To);
                var gap = (x1 - x0) * 0.12;
                shapes.Add(ChartShape.Rect(x0 + gap, x1 - gap, Y(0), Y(bar.Low), ChartStyle.Solid, tone, bar.Key));
                if (bar.High > bar.Low)
                {
                    shapes.Add(ChartShape.Rect(x0 + gap, x1 - gap, Y(bar.Low), Y(bar.High), ChartStyle.Band, tone, bar.Key));
                }

                if (bar.OpenAbove)
                {
                    shapes.Add(OpenMark((x0 + x1) / 2, Y(bar.High), tone, bar.Key));
                }
            }

            legend.Add(new ChartKey(name + ", low end", ChartStyle.Solid, tone));
            if (bars.Any(b => b.High > b.Low))
            {
                legend.Add(new ChartKey("up to the high end", ChartStyle.Band, tone));
            }
        }

        foreach (var (name, tone, steps) in _steps)
        {
            var ordered = steps.OrderBy(s => s.From).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var step = ordered[i];
                var x0 = XOf(step.From);
                var x1 = i + 1 < ordered.Count ? XOf(ordered[i + 1].From) : ChartDrawing.Width;
                var style = step.Planned ? ChartStyle.Planned : ChartStyle.Solid;
                var key = step.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (step.High > step.Low)
                {
                    shapes.Add(ChartShape.Rect(x0, x1, Y(step.Low), Y(step.High), ChartStyle.Band, tone, key));
                    shapes.Add(ChartShape.Line([(x0, Y(step.High)), (x1, Y(step.High))], style, tone, key));
                }

                // The riser from the previous step, then the step itself.
                var fromY = i > 0 ? Y(ordered[i - 1].Low) : Y(step.Low);
                shapes.Add(ChartShape.Line([(x0, fromY), (x0, Y(step.Low)), (x1, Y(step.Low))], style, tone, key));
                dots.Add(new ChartDot(x0, Y(step.Low), tone, key, step.Planned));
                if (step.OpenAbove)
                {
                    shapes.Add(OpenMark(x0, Y(step.High), tone, key));
                }
                if (step.High > step.Low)
                {
                    dots.Add(new ChartDot(x0, Y(step.High), tone, key + " high", step.Planned));
                }
            }

            legend.Add(new ChartKey(name, ChartStyle.Solid, tone));
            if (ordered.Any(s => s.Planned))
            {
                legend.Add(new ChartKey("planned or under construction", ChartStyle.Planned, tone));
            }

            if (ordered.Any(s => s.High > s.Low))
            {
                legend.Add(new ChartKey("reported range", ChartStyle.Band, tone));
            }
        }

        foreach (var (name, tone, points) in _points)
        {
            var ordered = points.OrderBy(p => p.Date).ToList();
            var ranged = ordered.Any(p => p.High > p.Low);
            if (ordered.Count > 1)
            {
                if (ranged)
                {
                    var outline = ordered.Select(p => (XOf(p.Date), Y(p.High)))
                        .Concat(ordered.AsEnumerable().Reverse().Select(p => (XOf(p.Date), Y(p.Low))));
                    shapes.Add(new ChartShape(ChartShape.Line(outline, ChartStyle.Band, tone).Path + "Z", ChartStyle.Band, tone, IsArea: true));
                    shapes.Add(ChartShape.Line(ordered.Select(p => (XOf(p.Date), Y(p.High))), ChartStyle.Solid, tone));
                }

                shapes.Add(ChartShape.Line(ordered.Select(p => (XOf(p.Date), Y(p.Low))), ChartStyle.Solid, tone));
            }

            foreach (var point in ordered)
            {
                var key = point.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var x = XOf(point.Date);
                if (point.High > point.Low)
                {
                    shapes.Add(ChartShape.Line([(x, Y(point.Low)), (x, Y(point.High))], ChartStyle.Whisker, tone, key));
                    dots.Add(new ChartDot(x, Y(point.High), tone, key + " high"));
                }

                dots.Add(new ChartDot(x, Y(point.Low), tone, key));
                if (point.OpenAbove)
                {
                    shapes.Add(OpenMark(x, Y(point.High), tone, key));
                }
            }

            legend.Add(new ChartKey(name, ChartStyle.Solid, tone));
            if (ranged)
            {
                legend.Add(new ChartKey("reported range", ChartStyle.Band, tone));
            }
        }

        if (_steps.Any(s => s.Steps.Any(p => p.OpenAbove)) || _points.Any(s => s.Points.Any(p => p.OpenAbove)) || _bars.Any(s => s.Bars.Any(b => b.OpenAbove)))
        {
            legend.Add(new ChartKey("“at least”: open above", ChartStyle.Open, 0));
        }

        foreach (var (date, value, text) in _labels)
        {
            var x = XOf(date);
            var y = Y(value);
            texts.Add(y < 24
                ? new ChartText(x, y + 8, text, ChartScale.LabelAnchorAt(x), "label cd-chart-below")
                : new ChartText(x, y - 6, text, ChartScale.LabelAnchorAt(x), "label"));
        }

        var empty = _steps.All(s => s.Steps.Count == 0) && _points.All(s => s.Points.Count == 0) && _bars.All(s => s.Bars.Count == 0);
        return new ChartDrawing(id, kind, height, shapes, texts, dots, legend, caption) { IsEmpty = empty };
    }
}
