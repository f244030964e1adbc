using System.Net;

namespace ComputeDeals.Web.Features.Embeds;

/// <summary>The iframe code readers paste into their pages (the Embed button and oEmbed return the same).</summary>
public static class EmbedSnippet
{
    public const int DefaultWidth = 600;

    public const int MinWidth = 280;

    /// <summary>
    /// The iframe height written into the embed code: it fits the seed data's content at the default width
    /// without scrolling. The valuation-per-MW chart grows with the companies it compares: give their number
    /// as resolved (<see cref="Analytics.ComparedCompanies"/>), never a count of the names in a link.
    /// </summary>
    public static int HeightFor(string embedPath, int? comparedCompanies = null) =>
        embedPath.StartsWith("/embed/deals/", StringComparison.Ordinal) ? 340
        : embedPath.StartsWith("/embed/companies/", StringComparison.Ordinal) ? 540
        : embedPath.StartsWith("/embed/datacenters/", StringComparison.Ordinal) ? 700
        : embedPath.StartsWith("/embed/charts/" + EmbedCharts.DealsByQuarter, StringComparison.Ordinal) ? QuarterChartsHeight
        : embedPath.StartsWith("/embed/charts/" + EmbedCharts.ValuationPerMw, StringComparison.Ordinal) ? ValuationPerMwHeight(
            comparedCompanies ?? throw new ArgumentException("The valuation-per-MW embed is sized by the companies it compares.", nameof(comparedCompanies)))
        : embedPath.StartsWith("/embed/charts/" + EmbedCharts.CapacityByCompany, StringComparison.Ordinal) ? 1500
        : 720;

    /// <summary>The quarter embed holds two charts, their captions and the summary: about 820 px at 600 px wide, plus room for other fonts.</summary>
    public const int QuarterChartsHeight = 850;

    /// <summary>
    /// The valuation-per-MW embed grows with the companies compared (a bar and a table row each, about 100 px at
    /// 600 px wide): 457 px for one company and 1,574 px for twelve on the seed data.
    /// </summary>
    public static int ValuationPerMwHeight(int companies) => 470 + (105 * (Math.Max(companies, 1) - 1));

    public static string Iframe(string embedUrl, string title, int height, int? width = null) =>
        string.Create(CultureInfo.InvariantCulture,
            $"<iframe src=\"{WebUtility.HtmlEncode(embedUrl)}\" title=\"{WebUtility.HtmlEncode(title)}\" width=\"{(width is { } w ? w.ToString(CultureInfo.InvariantCulture) : "100%")}\" height=\"{height}\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>");
}
