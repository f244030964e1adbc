using System.Net;

namespace ComputeDeals.Web.Features.Embeds;

/// <summary>The iframe code readers paste into their pages (the Embed button and oEmbed return the same).</summary>
public static class EmbedSnippet
{
    public const int DefaultWidth = 600;

    public const int MinWidth = 280;

    /// <summary>A height that fits each kind of embed without scrolling at the default width.</summary>
    public static int HeightFor(string embedPath) =>
        embedPath.StartsWith("/embed/deals/", StringComparison.Ordinal) ? 340
        : embedPath.StartsWith("/embed/companies/", StringComparison.Ordinal) ? 540
        : embedPath.StartsWith("/embed/datacenters/", StringComparison.Ordinal) ? 600
        : embedPath.StartsWith("/embed/charts/" + EmbedCharts.DealsByQuarter, StringComparison.Ordinal) ? QuarterChartsHeight
        : 720;

    /// <summary>The quarter embed holds two charts, their captions and the summary: about 820 px at 600 px wide, plus room for other fonts.</summary>
    public const int QuarterChartsHeight = 850;

    public static string Iframe(string embedUrl, string title, int height, int? width = null) =>
        string.Create(CultureInfo.InvariantCulture,
            $"<iframe src=\"{WebUtility.HtmlEncode(embedUrl)}\" title=\"{WebUtility.HtmlEncode(title)}\" width=\"{(width is { } w ? w.ToString(CultureInfo.InvariantCulture) : "100%")}\" height=\"{height}\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>");
}
