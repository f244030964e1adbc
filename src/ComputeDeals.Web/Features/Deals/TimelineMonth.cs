using System.Text.RegularExpressions;
using Markdig;

namespace ComputeDeals.Web.Features.Deals;

/// <summary>
/// A run of consecutive deals announced in the same month. Deals known only to the year form
/// their own group ("2025, month not known") rather than pretending to be January.
/// </summary>
public sealed record TimelineMonth(int Year, int? Month, IReadOnlyList<DealSummary> Deals)
{
    public string Heading => Month is { } month
        ? new DateOnly(Year, month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture)
        : $"{Year.ToString(CultureInfo.InvariantCulture)}, month not known";

    /// <summary>A stable element id for the heading.</summary>
    public string Id => Month is { } month ? $"month-{Year}-{month:00}" : $"month-{Year}-unknown";

    /// <summary>Groups deals in the order given (newest first from the query), starting a new group when the month changes.</summary>
    public static IReadOnlyList<TimelineMonth> Group(IEnumerable<DealSummary> deals)
    {
        var groups = new List<TimelineMonth>();
        List<DealSummary>? current = null;
        (int Year, int? Month) currentKey = default;
        foreach (var deal in deals)
        {
            var key = (deal.AnnouncedOn.Year, deal.Precision == DatePrecision.Year ? (int?)null : deal.AnnouncedOn.Month);
            if (current is null || key != currentKey)
            {
                current = [];
                currentKey = key;
                groups.Add(new TimelineMonth(key.Item1, key.Item2, current));
            }

            current.Add(deal);
        }

        return groups;
    }
}

/// <summary>Plain-text extracts of a deal's Markdown summary.</summary>
public static partial class SummaryText
{
    public const int MaxLength = 240;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>The first sentence of the summary as plain text, shortened at a word with an ellipsis if long.</summary>
    public static string? FirstSentence(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return null;
        }

        var text = Whitespace().Replace(Markdig.Markdown.ToPlainText(markdown, Pipeline), " ").Trim();
        var end = SentenceEnd().Match(text);
        if (end.Success)
        {
            text = text[..(end.Index + 1)];
        }

        if (text.Length > MaxLength)
        {
            var cut = text.LastIndexOf(' ', MaxLength - 1);
            text = text[..(cut > MaxLength / 2 ? cut : MaxLength - 1)].TrimEnd(',', ';', ':') + "…";
        }

        return text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // A full stop, question or exclamation mark followed by a space and a capital, digit or quote;
    // at least 20 characters in, so "U.S." or "Inc." near the start do not end the sentence.
    [GeneratedRegex(@"(?<=.{20,})(?<![A-Z]\.[A-Z]|\b(?:Inc|Corp|Ltd|Co|vs|approx|incl|St|Mr|Ms|Dr))[.!?](?=\s+[A-Z0-9“""'(])")]
    private static partial Regex SentenceEnd();
}
