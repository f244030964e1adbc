using ComputeDeals.Web.Components.Shared;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

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
/// Case-insensitive search over company names and aliases, data center names and locations, and
/// published deal titles and summaries. Matching runs in SQL (lower-cased Contains, portable across
/// SQLite and PostgreSQL); ranking runs on the matched rows.
/// </summary>
public sealed class SearchService(IDbContextFactory<AppDbContext> factory)
{
    public const int MaxQueryLength = 200;
    public const int MaxPerKind = 50;
    private const int Candidates = 500;

    public static string Normalize(string? query)
    {
        var q = (query ?? "").Trim();
        return q.Length > MaxQueryLength ? q[..MaxQueryLength] : q;
    }

    public async Task<SearchResults> SearchAsync(string? query, CancellationToken cancellationToken = default)
    {
        var q = Normalize(query);
        if (q.Length == 0)
        {
            return new SearchResults(q, [], [], []);
        }

        // Lower-cased LIKE with escaped wildcards: case-insensitive on SQLite and PostgreSQL alike.
        var pattern = "%" + LikePattern.Escape(q.ToLowerInvariant()) + "%";
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        var companies = await db.Companies.AsNoTracking()
            .Where(c => !c.IsDeleted && (EF.Functions.Like(c.Name.ToLower(), pattern, LikePattern.EscapeCharacter) || c.Aliases.Any(a => EF.Functions.Like(a.Name.ToLower(), pattern, LikePattern.EscapeCharacter))))
            .Select(c => new { c.Slug, c.Name, Aliases = c.Aliases.Select(a => a.Name).ToList() })
            .Take(Candidates)
            .ToListAsync(cancellationToken);

        var centers = await db.DataCenters.AsNoTracking()
            .Where(d => !d.IsDeleted && (EF.Functions.Like(d.Name.ToLower(), pattern, LikePattern.EscapeCharacter)
                || (d.City != null && EF.Functions.Like(d.City.ToLower(), pattern, LikePattern.EscapeCharacter))
                || (d.Region != null && EF.Functions.Like(d.Region.ToLower(), pattern, LikePattern.EscapeCharacter))
                || (d.Country != null && EF.Functions.Like(d.Country.ToLower(), pattern, LikePattern.EscapeCharacter))))
            .Select(d => new { d.Slug, d.Name, d.City, d.Region, d.Country })
            .Take(Candidates)
            .ToListAsync(cancellationToken);

        var deals = await db.Deals.AsNoTracking()
            .Where(d => d.IsPublished && (EF.Functions.Like(d.Title.ToLower(), pattern, LikePattern.EscapeCharacter) || (d.Summary != null && EF.Functions.Like(d.Summary.ToLower(), pattern, LikePattern.EscapeCharacter))))
            .OrderByDescending(d => d.AnnouncedOn)
            .Select(d => new { d.Slug, d.Title, d.Summary, d.AnnouncedOn })
            .Take(Candidates)
            .ToListAsync(cancellationToken);

        var companyHits = companies.Select(c =>
        {
            var nameRank = RankOf(c.Name, q);
            var alias = c.Aliases.Select(a => (Alias: a, Rank: RankOf(a, q))).Where(a => a.Rank != MatchRank.OtherText).OrderBy(a => a.Rank).FirstOrDefault();
            return alias.Alias is not null && alias.Rank < nameRank
                ? new SearchHit($"/companies/{c.Slug}", c.Name, alias.Rank, "alias", alias.Alias)
                : new SearchHit($"/companies/{c.Slug}", c.Name, nameRank, nameRank == MatchRank.OtherText ? "alias" : null, nameRank == MatchRank.OtherText ? c.Aliases.FirstOrDefault(a => Contains(a, q)) : null);
        });

        var centerHits = centers.Select(d =>
        {
            var location = string.Join(", ", new[] { d.City, d.Region, d.Country }.Where(s => !string.IsNullOrWhiteSpace(s)));
            var rank = RankOf(d.Name, q);
            return new SearchHit($"/datacenters/{d.Slug}", d.Name, rank, rank == MatchRank.OtherText ? "location" : null, location);
        });

        var dealHits = deals.Select(d =>
        {
            var rank = RankOf(d.Title, q);
            var summary = MarkdownRenderer.ToPlainText(d.Summary);
            return new SearchHit($"/deals/{d.Slug}", d.Title, rank, rank == MatchRank.OtherText ? "summary" : null, Snippet(summary, q));
        });

        return new SearchResults(q, Ranked(companyHits), Ranked(centerHits), Ranked(dealHits));
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

    private static bool Contains(string text, string query) => text.Contains(query, StringComparison.OrdinalIgnoreCase);

    private static List<SearchHit> Ranked(IEnumerable<SearchHit> hits) =>
        [.. hits.OrderBy(h => h.Rank).ThenBy(h => h.Name.Length).ThenBy(h => h.Name, StringComparer.OrdinalIgnoreCase).Take(MaxPerKind)];
}
