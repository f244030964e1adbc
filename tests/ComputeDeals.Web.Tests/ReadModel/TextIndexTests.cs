using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Deals;
using ComputeDeals.Web.Features.ReadModel;
using ComputeDeals.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.ReadModel;

/// <summary>
/// The token index only narrows a free-text search: the texts it names must include every text that
/// contains the query (ordinal, lower-cased), so the checked results equal a scan of every text.
/// </summary>
public class TextIndexTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private static readonly string[] Words =
        ["synthetic", "co", "0005", "00050", "coreweave", "cloud", "deal", "gw", "mw", "über", "straße", "x.ai", "o'neil", "a", "aa", "1", "2026-05-06", "$5b", "–", "+"];

    [Fact]
    public void Candidates_include_every_text_that_contains_the_query_for_generated_texts_and_queries()
    {
        var random = new Random(20261130);
        var texts = Enumerable.Range(0, 400).Select(_ => Text(random)).ToArray();
        var index = new TextIndex(texts);
        var queries = new List<string> { "co 0005", "co", "0005", " co ", "-", " ", "x.ai", "straße", "ai", "e c", "synthetic co 000", "no-such-word" };
        for (var i = 0; i < 300; i++)
        {
            // Any slice of a text: starts and ends inside words, on separators, or across several words.
            var text = texts[random.Next(texts.Length)];
            var start = random.Next(text.Length);
            queries.Add(text.Substring(start, random.Next(1, Math.Min(25, text.Length - start) + 1)));
        }

        foreach (var query in queries)
        {
            var expected = Enumerable.Range(0, texts.Length).Where(p => texts[p].Contains(query, StringComparison.Ordinal)).ToArray();
            var candidates = index.Candidates(query);
            var found = candidates is null ? Enumerable.Range(0, texts.Length) : candidates;

            Assert.Equal(expected, found.Where(p => texts[p].Contains(query, StringComparison.Ordinal)).ToArray());
            if (candidates is not null)
            {
                Assert.Equal(candidates.Order().Distinct(), candidates);
            }
        }
    }

    [Fact]
    public void A_query_with_a_whole_word_names_only_the_texts_holding_that_word()
    {
        var index = new TextIndex(["synthetic co 0005 deal", "synthetic co 00050 deal", "cobalt 0005", "no match here"]);

        Assert.Equal([0, 1], index.Candidates("c co 0") ?? []);
        Assert.Equal([0, 2], index.Candidates(" 0005 ") ?? []);
        Assert.Equal([0, 1, 2], index.Candidates("co") ?? []);
        Assert.Null(index.Candidates(" - "));
    }

    public static TheoryData<string> Links =>
    [
        "/deals?q=coreweave",
        "/deals?q=CoreWeave%20",
        "/deals?q=a",
        "/deals?q=gw",
        "/deals?q=anthropic&type=cloudCommitment",
        "/deals?q=the&company=anthropic",
        "/deals?q=20&from=2025-01-01&to=2026-06-30",
        "/deals?q=-",
        "/deals?q=compute&sort=value&dir=asc",
        "/deals?q=no-such-words-anywhere",
    ];

    [Theory]
    [MemberData(nameof(Links))]
    public void Free_text_on_the_timeline_keeps_exactly_the_deals_whose_text_contains_the_query(string link)
    {
        var filter = TimelineUrl.Parse(link).Filter;
        var snapshot = app.Services.GetRequiredService<Web.Features.ReadModel.ReadModel>().Current;
        var text = filter.Q!.ToLowerInvariant();
        var expected = DealListQuery.Matching(snapshot, filter with { Q = null })
            .Where(p => snapshot.Deals[p].SearchText.Contains(text, StringComparison.Ordinal))
            .ToList();

        Assert.Equal(expected, DealListQuery.Matching(snapshot, filter));
        Assert.Equal(expected.Count, DealListQuery.Query(snapshot, filter).Total);
    }

    [Theory]
    [InlineData("coreweave")]
    [InlineData("Anthropic")]
    [InlineData("gw")]
    [InlineData("a")]
    [InlineData("  ")]
    [InlineData("-")]
    [InlineData("no-such-words-anywhere")]
    public void Search_finds_the_deals_a_scan_of_every_title_and_summary_finds_in_the_same_order(string query)
    {
        var snapshot = app.Services.GetRequiredService<Web.Features.ReadModel.ReadModel>().Current;
        var q = SearchQuery.Normalize(query);
        var expected = snapshot.Deals
            .Where(e => q.Length > 0 && (e.Deal.Title.Contains(q, StringComparison.OrdinalIgnoreCase) || (e.Deal.Summary?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false)))
            .Select(e => (e.Deal.Title, Rank: SearchQuery.RankOf(e.Deal.Title, q)))
            .OrderBy(h => h.Rank).ThenBy(h => h.Title.Length).ThenBy(h => h.Title, StringComparer.OrdinalIgnoreCase)
            .Take(SearchQuery.MaxPerKind)
            .Select(h => h.Title)
            .ToList();

        Assert.Equal(expected, SearchQuery.Search(snapshot, query).Deals.Select(h => h.Name).ToList());
    }

    [Fact]
    public void A_deals_search_text_is_its_title_summary_and_party_names_lower_cased_and_matched_the_same_without_a_copy()
    {
        var longSummary = string.Concat(Enumerable.Repeat("Über ΣΊΣΥΦΟΣ İstanbul 𝐀𝐁 𐐀 ", 40));
        var companies = new[] { Company(1, "CoreWeave"), Company(2, "STRAẞE AG") };
        var deals = new[]
        {
            Deal(1, "Big Deal", "Short SUMMARY", [(1, PartyRole.Provider), (2, PartyRole.Customer), (3, PartyRole.Investor)]),
            Deal(2, "İSTANBUL 𝐀 Straße", longSummary, [(2, PartyRole.Buyer)]),
            Deal(3, "No summary", null, []),
        };
        var snapshot = ReadSnapshot.Build(new PublishedDataset(companies, [], deals, [], []), 1);
        string[] queries = ["big deal\nshort", "summary\ncoreweave", "coreweave\nstraße ag", "straße ag", "i̇stanbul", "σίσυφοσ", "𝐚𝐛", "𝐀𝐁", "𐐨", "\n", "no summary\n", "summary\n\n", "ag\n", "zzz"];

        foreach (var entry in snapshot.Deals)
        {
            // Company 3 is not in the dataset (deleted): its party is not shown, so its name is not searched.
            var names = entry.Deal.Parties.Where(p => p.CompanyId != 3).Select(p => companies.Single(c => c.Id == p.CompanyId).Name);
            var expected = string.Join('\n', [entry.Deal.Title, entry.Deal.Summary ?? string.Empty, .. names]).ToLowerInvariant();
            Assert.Equal(expected, entry.SearchText);
            foreach (var query in queries)
            {
                Assert.Equal(expected.Contains(query, StringComparison.Ordinal), entry.SearchTextContains(query));
            }
        }

        Assert.True(snapshot.DealsById[2].SearchTextContains("über σίσυφοσ "));
        Assert.True(snapshot.DealsById[1].SearchTextContains("summary\ncoreweave\nstraße ag"));
    }

    private static CompanyRecord Company(int id, string name) =>
        new(id, name, $"c{id}", CompanyKind.Neocloud, null, null, null, null, null, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static DealRecord Deal(int id, string title, string? summary, (int Company, PartyRole Role)[] parties) =>
        new(id, title, $"d{id}", new DateOnly(2026, 1, id), DatePrecision.Day, DealType.CapacitySaleOrLease, DealStatus.Closed,
            [.. parties.Select((p, i) => new DealPartyRecord((id * 10) + i, p.Company, p.Role))], [], Figure.Undisclosed(), ValuePeriod.Total,
            null, null, null, null, null, summary, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static string Text(Random random)
    {
        var parts = Enumerable.Range(0, random.Next(1, 12)).Select(_ => Words[random.Next(Words.Length)]);
        var separators = new[] { " ", " ", "\n", ", ", "-", ". " };
        return string.Join(separators[random.Next(separators.Length)], parts);
    }
}
