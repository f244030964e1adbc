namespace ComputeDeals.Web.Features.Search;

/// <summary>How well a hit matches: exact name first, then prefix, then contains, then other text.</summary>
public enum MatchRank
{
    Exact = 0,
    Prefix = 1,
    Contains = 2,
    OtherText = 3,
}

/// <summary>One search result: where it goes, the name to show, and the text the query was found in.</summary>
public sealed record SearchHit(string Url, string Name, MatchRank Rank, string? MatchedIn, string? Context);

public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Companies, IReadOnlyList<SearchHit> DataCenters, IReadOnlyList<SearchHit> Deals)
{
    public int Total => Companies.Count + DataCenters.Count + Deals.Count;
}

/// <summary>
/// Case-insensitive search in the read model's snapshot (no SQL), matching each kind by the rule its
/// own list uses: companies by <see cref="CompanyListQuery.SearchTexts"/> (name, aliases), data
/// centers by <see cref="DataCenterListQuery.SearchTexts"/> (name, city, region, country, operator)
/// and published deals by <see cref="DealEntry.SearchText"/> (title, summary, party names), so a hit
/// here is a row of /companies?q=, /datacenters?q= or /deals?q= with the same text. Up to 500
/// candidates of each kind are matched (deals newest first); ranking runs on the matched rows.
/// </summary>
public sealed class SearchQuery(ReadModel.ReadModel readModel)
{
    public const int MaxPerKind = 50;
    private const int Candidates = 500;

    public static string Normalize(string? query)
    {
        var q = (query ?? "").Trim();
        return q.Length > QueryValues.MaxTextLength ? q[..QueryValues.MaxTextLength] : q;
    }

    public Task<SearchResults> SearchAsync(string? query, CancellationToken cancellationToken = default) =>
        Task.FromResult(Search(readModel.Current, query));

    public static SearchResults Search(ReadSnapshot snapshot, string? query)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var q = Normalize(query);
        if (q.Length == 0)
        {
            return new SearchResults(q, [], [], []);
        }

        var companies = snapshot.Dataset.Companies
            .Containing(q, CompanyListQuery.SearchTexts)
            .Take(Candidates);

        var centers = DataCenterListQuery.Public(snapshot)
            .Containing(q, d => DataCenterListQuery.SearchTexts(snapshot, d))
            .Take(Candidates);

        // The deal's search text (title, summary, party names; the timeline's ?q= rule) is matched
        // without allocating. The token index names the only deals that can match (newest first).
        var lower = q.ToLowerInvariant();
        var deals = new List<DealEntry>();
        var candidates = snapshot.Text.Candidates(lower);
        var count = candidates?.Length ?? snapshot.Deals.Count;
        for (var i = 0; i < count; i++)
        {
            var entry = snapshot.Deals[candidates is null ? i : candidates[i]];
            if (entry.SearchTextContains(lower))
            {
                deals.Add(entry);
                if (deals.Count == Candidates)
                {
                    break;
                }
            }
        }

        var companyHits = companies.Select(c =>
        {
            var nameRank = RankOf(c.Name, q);
            var alias = c.Aliases.Select(a => (Alias: a, Rank: RankOf(a, q))).Where(a => a.Rank != MatchRank.OtherText).OrderBy(a => a.Rank).FirstOrDefault();
            return alias.Alias is not null && alias.Rank < nameRank
                ? new SearchHit($"/companies/{c.Slug}", c.Name, alias.Rank, "alias", alias.Alias)
                : new SearchHit($"/companies/{c.Slug}", c.Name, nameRank, nameRank == MatchRank.OtherText ? "alias" : null, nameRank == MatchRank.OtherText ? c.Aliases.FirstOrDefault(a => Contains(a, q)) : null);
        });

        // Matched elsewhere than the name: in the location, else in the operator's name.
        var centerHits = centers.Select(d =>
        {
            var rank = RankOf(d.Name, q);
            return rank != MatchRank.OtherText || Contains(d.Location, q)
                ? new SearchHit($"/datacenters/{d.Slug}", d.Name, rank, rank == MatchRank.OtherText ? "location" : null, d.Location)
                : new SearchHit($"/datacenters/{d.Slug}", d.Name, rank, "operator", snapshot.Companies[d.OperatorId].Name);
        });

        // Rank on the title alone (what the order reads), and render the summary's snippet only for the rows shown.
        var dealHits = deals
            .Select(e => (Entry: e, Rank: RankOf(e.Deal.Title, q)))
            .OrderBy(h => h.Rank).ThenBy(h => h.Entry.Deal.Title.Length).ThenBy(h => h.Entry.Deal.Title, StringComparer.OrdinalIgnoreCase)
            .Take(MaxPerKind)
            .Select(h => h.Rank != MatchRank.OtherText || Contains(h.Entry.Deal.Summary, q)
                ? new SearchHit(
                    $"/deals/{h.Entry.Deal.Slug}", h.Entry.Deal.Title, h.Rank, h.Rank == MatchRank.OtherText ? "summary" : null,
                    Snippet(MarkdownRenderer.ToPlainText(h.Entry.Deal.Summary), q))
                : new SearchHit(
                    $"/deals/{h.Entry.Deal.Slug}", h.Entry.Deal.Title, h.Rank, "parties",
                    string.Join(", ", h.Entry.Summary.Parties.Select(p => p.Name).Distinct(StringComparer.Ordinal))));

        return new SearchResults(q, Ranked(companyHits), Ranked(centerHits), [.. dealHits]);
    }

    /// <summary>Exact (ignoring case) beats prefix beats contains; anything else matched in other text.</summary>
    public static MatchRank RankOf(string name, string query) =>
        string.Equals(name, query, StringComparison.OrdinalIgnoreCase) ? MatchRank.Exact
        : name.StartsWith(query, StringComparison.OrdinalIgnoreCase) ? MatchRank.Prefix
        : Contains(name, query) ? MatchRank.Contains
        : MatchRank.OtherText;

    /// <summary>About 160 characters of text around the first match, with ellipses where cut.</summary>
    public static string? Snippet(string text, string query, int radius = 80)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var at = text.IndexOf(query, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return text.Length <= 2 * radius ? text : text[..(2 * radius)].TrimEnd() + "…";
        }

        var start = Math.Max(0, at - radius);
        var end = Math.Min(text.Length, at + query.Length + radius);
        return (start > 0 ? "…" : "") + text[start..end].Trim() + (end < text.Length ? "…" : "");
    }

    private static bool Contains(string? text, string query) => text is not null && text.Contains(query, StringComparison.OrdinalIgnoreCase);

    private static List<SearchHit> Ranked(IEnumerable<SearchHit> hits) =>
        [.. hits.OrderBy(h => h.Rank).ThenBy(h => h.Name.Length).ThenBy(h => h.Name, StringComparer.OrdinalIgnoreCase).Take(MaxPerKind)];
}
