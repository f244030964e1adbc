using System.Globalization;
using ComputeDeals.Core.Domain;

namespace ComputeDeals.Web.Components.Shared;

/// <summary>The points of the line charts, shared by the pages and their embeds.</summary>
public static class ChartPoints
{
    /// <summary>A data center's disclosed capacity rows, MW.</summary>
    public static IReadOnlyList<FigureLineChart.Point> Capacity(DataCenter center)
    {
        ArgumentNullException.ThrowIfNull(center);
        return center.Capacity.Where(r => r.Power.IsDisclosed)
            .Select(r => new FigureLineChart.Point(
                r.EffectiveDate.ToString("MMM yyyy", CultureInfo.InvariantCulture),
                r.Power.Floor ?? r.Power.Ceiling ?? 0,
                r.Power.Ceiling ?? r.Power.Floor ?? 0))
            .ToList();
    }

    /// <summary>Disclosed valuations, US$ billions.</summary>
    public static IReadOnlyList<FigureLineChart.Point> Valuations(IEnumerable<Valuation> valuations) =>
        valuations.Where(v => v.Amount.IsDisclosed)
            .Select(v => new FigureLineChart.Point(
                v.AsOf.ToString("MMM yyyy", CultureInfo.InvariantCulture),
                Math.Round((v.Amount.Floor ?? v.Amount.Ceiling ?? 0) / 1e9, 1),
                Math.Round((v.Amount.Ceiling ?? v.Amount.Floor ?? 0) / 1e9, 1)))
            .ToList();
}
