namespace ComputeDeals.Web.Components.Shared.Charts;

/// <summary>Axis arithmetic shared by the charts: round value ticks, calendar ticks, label anchors.</summary>
public static class ChartScale
{
    /// <summary>The smallest round maximum (1, 2, 2.5 or 5 × 10ⁿ steps, four or five of them) that holds <paramref name="value"/>.</summary>
    public static (double Max, double Step) Nice(double value)
    {
        if (value <= 0 || double.IsNaN(value) || double.IsInfinity(value))
        {
            return (1, 0.25);
        }

        var rough = value / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * power).First(s => s >= rough);
        return (Math.Ceiling((value / step) - 1e-9) * step, step);
    }

    /// <summary>
    /// Calendar ticks inside [start, end]: years for spans over three years, half years over one
    /// year, quarters below. Every other tick is minor (hidden on narrow screens).
    /// </summary>
    public static IEnumerable<(DateOnly Date, string Label, bool Minor)> DateTicks(DateOnly start, DateOnly end)
    {
        var days = end.DayNumber - start.DayNumber;
        var months = days > 3 * 366 ? 12 * Math.Max(1, (int)Math.Ceiling(days / 365.25 / 8)) : days > 366 ? 6 : 3;
        var tick = new DateOnly(start.Year, 1, 1);
        while (tick < start)
        {
            tick = tick.AddMonths(months);
        }

        var index = 0;
        for (; tick <= end; tick = tick.AddMonths(months), index++)
        {
            var label = months >= 12
                ? tick.Year.ToString(CultureInfo.InvariantCulture)
                : tick.ToString("MMM yyyy", CultureInfo.InvariantCulture);
            yield return (tick, label, index % 2 == 1);
        }
    }

    /// <summary>How a direct label at x is anchored: it may be wider than a tick, so it turns earlier.</summary>
    public static ChartAnchor LabelAnchorAt(double x) =>
        x < ChartDrawing.Width * 0.25 ? ChartAnchor.Start : x > ChartDrawing.Width * 0.75 ? ChartAnchor.End : ChartAnchor.Middle;

    /// <summary>How a text at x is anchored so it stays inside the plot.</summary>
    public static ChartAnchor AnchorAt(double x) =>
        x < ChartDrawing.Width * 0.08 ? ChartAnchor.Start : x > ChartDrawing.Width * 0.92 ? ChartAnchor.End : ChartAnchor.Middle;
}
