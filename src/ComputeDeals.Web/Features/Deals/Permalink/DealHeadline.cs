namespace ComputeDeals.Web.Features.Deals.Permalink;

/// <summary>
/// The words a shared deal is known by: "xAI → Anthropic · compute capacity sale or lease ·
/// at least 300 MW · May 2026", plus the parts the share card draws.
/// </summary>
public static class DealHeadline
{
    /// <summary>"xAI → Anthropic"; partners joined with " · ".</summary>
    public static string Parties(Deal deal)
    {
        var names = deal.Parties.Where(p => p.Company is not null)
            .GroupBy(p => Labels.ReadingSide(p.Role))
            .OrderBy(g => g.Key)
            .Select(g => string.Join(" & ", g.Select(p => p.Company!.Name).Distinct()))
            .ToList();
        if (names.Count == 0)
        {
            return deal.Title;
        }

        var givers = deal.Parties.Any(p => Labels.ReadingSide(p.Role) == 0);
        var receivers = deal.Parties.Any(p => Labels.ReadingSide(p.Role) == 1);
        return givers && receivers ? string.Join(" → ", names.Take(2)) + string.Concat(names.Skip(2).Select(n => " · " + n)) : string.Join(" · ", names);
    }

    /// <summary>The value with its period, e.g. "~$3–15B/year" or "undisclosed".</summary>
    public static string Value(Deal deal) => FigureFormatter.FormatDealValue(deal.Value, deal.ValuePeriod);

    /// <summary>The one figure a headline carries: capacity when disclosed, else value, else none.</summary>
    public static string? HeadlineFigure(Deal deal) =>
        deal.Capacity is { IsDisclosed: true } ? FigureFormatter.Format(deal.Capacity, FigureUnit.Megawatts)
        : deal.Value.IsDisclosed ? Value(deal)
        : null;

    public static string MonthYear(Deal deal) => deal.AnnouncedPrecision == DatePrecision.Year
        ? deal.AnnouncedOn.Year.ToString(CultureInfo.InvariantCulture)
        : deal.AnnouncedOn.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Title(Deal deal) =>
        string.Join(" · ", new[] { Parties(deal), Labels.Of(deal.Type), HeadlineFigure(deal), MonthYear(deal) }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>A one-paragraph description: the summary's first sentences, at most about 200 characters.</summary>
    public static string Description(Deal deal)
    {
        var text = ComputeDeals.Web.Components.Shared.MarkdownRenderer.ToPlainText(deal.Summary);
        if (string.IsNullOrEmpty(text))
        {
            text = $"{deal.Title}: {Labels.Of(deal.Type)}, {Labels.Of(deal.Status)}, value {Value(deal)}.";
        }

        return Shorten(text.ReplaceLineEndings(" "), 200);
    }

    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }
}
