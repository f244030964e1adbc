using System.Collections.Frozen;

namespace ComputeDeals.Web.Features.ReadModel;

/// <summary>A published deal with what list views show of it, precomputed once per snapshot.</summary>
public sealed class DealEntry
{
    internal DealEntry(DealRecord deal, DealSummary summary, IReadOnlyList<DealPartyInput> parties, double? valueKey, double? mwKey, IReadOnlyList<SourceRef> sources)
    {
        Deal = deal;
        Input = new DealInput
        {
            Id = deal.Id,
            Slug = deal.Slug,
            Title = deal.Title,
            Type = deal.Type,
            Status = deal.Status,
            AnnouncedOn = deal.AnnouncedOn,
            AnnouncedPrecision = deal.AnnouncedPrecision,
            Value = deal.Value,
            ValuePeriod = deal.ValuePeriod,
            Capacity = deal.Capacity,
            Accelerators = deal.Accelerators,
            TermStart = deal.TermStart,
            TermEnd = deal.TermEnd,
            TermMonths = deal.TermMonths,
            Parties = parties,
            DataCenters = deal.DataCenters.Count == 0 ? [] : deal.DataCenters.Select(x => new DealDataCenterInput(x.DataCenterId, x.Share)).ToArray(),
            Sources = sources,
        };
        Summary = summary;
        ValueKey = valueKey;
        MwKey = mwKey;
    }

    public DealRecord Deal { get; }

    /// <summary>The fields Core's deal rules and analytics read, with the deal's sources in footnote order.</summary>
    public DealInput Input { get; }

    /// <summary>The list row the timeline, the JSON API and the CSV export show.</summary>
    public DealSummary Summary { get; }

    /// <summary>
    /// Title, summary and party names, lower-cased and joined by newlines: the text free-text queries
    /// match. Built on each call, not kept (a lower-cased copy of every deal's text is about 26 MB at
    /// 100,000 deals); <see cref="SearchTextContains"/> matches it without allocating.
    /// </summary>
    public string SearchText => string.Create(SearchTextLength, this, static (span, entry) => entry.WriteSearchText(span));

    /// <summary>Whether <see cref="SearchText"/> contains <paramref name="lowerQuery"/> (ordinal).</summary>
    public bool SearchTextContains(string lowerQuery)
    {
        ArgumentNullException.ThrowIfNull(lowerQuery);
        var length = SearchTextLength;
        char[]? rented = null;
        var buffer = length <= 512 ? stackalloc char[512] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length));
        try
        {
            var text = buffer[..length];
            WriteSearchText(text);
            return text.Contains(lowerQuery, StringComparison.Ordinal);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    // Lower-casing keeps a string's length (char by char, surrogate pairs in place), so the joined text's length is known up front.
    private int SearchTextLength
    {
        get
        {
            var length = Deal.Title.Length + 1 + (Deal.Summary?.Length ?? 0);
            foreach (var party in Summary.Parties)
            {
                length += 1 + party.Name.Length;
            }

            return length;
        }
    }

    private void WriteSearchText(Span<char> text)
    {
        var at = Lower(Deal.Title, text);
        text[at++] = '\n';
        at += Lower(Deal.Summary ?? string.Empty, text[at..]);
        foreach (var party in Summary.Parties)
        {
            text[at++] = '\n';
            at += Lower(party.Name, text[at..]);
        }
    }

    private static int Lower(string value, Span<char> destination) => value.AsSpan().ToLowerInvariant(destination);

    /// <summary>The value sort key (upper bound, else lower bound), null when undisclosed.</summary>
    public double? ValueKey { get; }

    /// <summary>The capacity sort key in MW, null when there is none.</summary>
    public double? MwKey { get; }
}

/// <summary>
/// An immutable, indexed view of a <see cref="PublishedDataset"/>: what every public read asks.
/// Deals are held once in the timeline's default order (newest first) and every other order is a
/// permutation of positions into it, so a page of any sort is a slice and a count is a scan of
/// integers. Built by <see cref="Build"/>; never changed afterwards (the <see cref="ReadModel"/>
/// swaps in a new one).
/// </summary>
public sealed partial class ReadSnapshot
{
    private readonly int[][] _orders;
    private readonly int[][] _ranks;
    private readonly FrozenDictionary<int, SourceRef> _sourceRefs;
    private AnalyticsCalculator? _analytics;

    private ReadSnapshot(long version, PublishedDataset dataset)
    {
        Version = version;
        Dataset = dataset;
        Companies = dataset.Companies.ToFrozenDictionary(c => c.Id);
        CompaniesBySlug = dataset.Companies.ToFrozenDictionary(c => c.Slug, StringComparer.Ordinal);
        DataCenters = dataset.DataCenters.ToFrozenDictionary(d => d.Id);
        DataCentersBySlug = dataset.DataCenters.ToFrozenDictionary(d => d.Slug, StringComparer.Ordinal);
        Sources = dataset.Sources.ToFrozenDictionary(s => s.Id);
        _sourceRefs = dataset.Sources.ToFrozenDictionary(s => s.Id, s => new SourceRef(s.Id, s.Title, s.Url, s.Publisher));
        Valuations = [.. dataset.Valuations.Where(v => Companies.ContainsKey(v.CompanyId))];
        ValuationsByCompany = Valuations
            .GroupBy(v => v.CompanyId)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<ValuationRecord>)[.. g.OrderBy(v => v.AsOf).ThenBy(v => v.Id)]);
        DataCentersByOperator = dataset.DataCenters
            .GroupBy(d => d.OperatorId)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<DataCenterRecord>)[.. g.OrderBy(d => d.Name, StringComparer.Ordinal)]);

        var shared = new SharedParts();
        var entries = dataset.Deals.Select(d => ToEntry(d, shared)).ToArray();
        Array.Sort(entries, (a, b) =>
        {
            var byDate = b.Deal.AnnouncedOn.CompareTo(a.Deal.AnnouncedOn);
            if (byDate != 0)
            {
                return byDate;
            }

            var byTitle = string.CompareOrdinal(a.Deal.Title, b.Deal.Title);
            return byTitle != 0 ? byTitle : a.Deal.Id.CompareTo(b.Deal.Id);
        });
        Deals = entries;
        DealsBySlug = entries.ToFrozenDictionary(e => e.Deal.Slug, StringComparer.Ordinal);
        DealsById = entries.ToFrozenDictionary(e => e.Deal.Id);
        ValueKeys = new double[entries.Length];
        MwKeys = new double[entries.Length];
        Undisclosed = new bool[entries.Length];
        for (var position = 0; position < entries.Length; position++)
        {
            ValueKeys[position] = entries[position].ValueKey ?? double.NaN;
            MwKeys[position] = entries[position].MwKey ?? double.NaN;
            Undisclosed[position] = !entries[position].Deal.Value.IsDisclosed;
        }

        UndisclosedValueCount = Undisclosed.Count(u => u);

        var byCompany = new Dictionary<int, List<int>>();
        var byCenter = new Dictionary<int, List<int>>();
        for (var position = 0; position < entries.Length; position++)
        {
            foreach (var companyId in entries[position].Deal.Parties.Select(p => p.CompanyId).Distinct())
            {
                Add(byCompany, companyId, position);
            }

            foreach (var centerId in entries[position].Deal.DataCenters.Select(p => p.DataCenterId).Distinct())
            {
                Add(byCenter, centerId, position);
            }
        }

        DealsByCompany = byCompany.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
        DealsByDataCenter = byCenter.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());

        _orders = new int[OrderCount][];
        _ranks = new int[OrderCount][];
        for (var order = 0; order < OrderCount; order++)
        {
            var positions = Enumerable.Range(0, entries.Length).ToArray();
            if (order != 0)
            {
                Array.Sort(positions, Comparer(entries, order));
            }

            var ranks = new int[positions.Length];
            for (var rank = 0; rank < positions.Length; rank++)
            {
                ranks[positions[rank]] = rank;
            }

            _orders[order] = positions;
            _ranks[order] = ranks;
        }

        CompanyChoices = [.. byCompany.Keys.Where(Companies.ContainsKey).Select(id => Companies[id]).OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new CompanyChoice(c.Slug, c.Name))];
    }

    /// <summary>Increases with every snapshot an instance builds; keys cached responses.</summary>
    public long Version { get; }

    /// <summary>The records this snapshot was built from (for releases and exports of the whole dataset).</summary>
    public PublishedDataset Dataset { get; }

    public IReadOnlyDictionary<int, CompanyRecord> Companies { get; }

    public IReadOnlyDictionary<string, CompanyRecord> CompaniesBySlug { get; }

    public IReadOnlyDictionary<int, DataCenterRecord> DataCenters { get; }

    public IReadOnlyDictionary<string, DataCenterRecord> DataCentersBySlug { get; }

    public IReadOnlyDictionary<int, SourceRecord> Sources { get; }

    /// <summary>Valuations of companies that are not deleted.</summary>
    public IReadOnlyList<ValuationRecord> Valuations { get; }

    /// <summary>Each company's valuations, oldest first.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<ValuationRecord>> ValuationsByCompany { get; }

    /// <summary>Data centers by operator id, by name.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<DataCenterRecord>> DataCentersByOperator { get; }

    /// <summary>Every published deal, newest first (announced date descending, then title, then id).</summary>
    public IReadOnlyList<DealEntry> Deals { get; }

    public IReadOnlyDictionary<string, DealEntry> DealsBySlug { get; }

    public IReadOnlyDictionary<int, DealEntry> DealsById { get; }

    /// <summary>Positions in <see cref="Deals"/> (ascending, so newest first) of each company's deals, any role.</summary>
    public IReadOnlyDictionary<int, int[]> DealsByCompany { get; }

    /// <summary>Positions in <see cref="Deals"/> of each data center's deals.</summary>
    public IReadOnlyDictionary<int, int[]> DealsByDataCenter { get; }

    /// <summary>
    /// Per position in <see cref="Deals"/>, <see cref="DealEntry.ValueKey"/> (NaN when undisclosed): filters
    /// scan these arrays instead of following a reference per deal.
    /// </summary>
    internal double[] ValueKeys { get; }

    /// <summary>Per position, <see cref="DealEntry.MwKey"/> (NaN when there is no capacity).</summary>
    internal double[] MwKeys { get; }

    /// <summary>Per position, whether the deal's value is undisclosed (the count line's second number).</summary>
    internal bool[] Undisclosed { get; }

    /// <summary>The token index over every deal's <see cref="DealEntry.SearchText"/> (built on the first free-text query).</summary>
    public TextIndex Text => Memo(nameof(TextIndex), static s => new TextIndex(s.Deals.Select(e => e.SearchText)));

    /// <summary>How many published deals have no value at all.</summary>
    public int UndisclosedValueCount { get; }

    /// <summary>Companies party to at least one published deal, by name (the timeline's company filter).</summary>
    public IReadOnlyList<CompanyChoice> CompanyChoices { get; }

    /// <summary>A snapshot of <paramref name="dataset"/>; <paramref name="fingerprint"/> names the writes it includes (see <see cref="Fingerprint"/>).</summary>
    public static ReadSnapshot Build(PublishedDataset dataset, long version, string fingerprint = "0.0") =>
        new(version, dataset) { Fingerprint = fingerprint };

    /// <summary>
    /// The analytics over every published record of this snapshot, built on first use and shared by
    /// every request that reads it (the calculator is pure and filters by the date it is asked for).
    /// </summary>
    public AnalyticsCalculator Analytics => LazyInitializer.EnsureInitialized(ref _analytics, BuildAnalytics);

    private AnalyticsCalculator BuildAnalytics() => new(new AnalyticsData(
        [.. Dataset.Companies.Select(c => new CompanyInput { Id = c.Id, Slug = c.Slug, Name = c.Name, Kind = c.Kind, Coverage = c.Coverage, ParentId = c.ParentId, ParentSince = c.ParentSince })],
        [.. Dataset.DataCenters.Select(d => new DataCenterInput { Id = d.Id, Slug = d.Slug, Name = d.Name, OperatorId = d.OperatorId, Capacity = [.. d.Capacity.Select(ToInput)] })],
        [.. Deals.OrderBy(e => e.Deal.Id).Select(e => e.Input)],
        [.. Valuations.Select(v => new ValuationInput { Id = v.Id, CompanyId = v.CompanyId, AsOf = v.AsOf, Amount = v.Amount, Basis = v.Basis, Source = SourceRefOf(v.SourceId) })]));

    private CapacityRowInput ToInput(CapacityRecord r) => new()
    {
        Id = r.Id,
        EffectiveDate = r.EffectiveDate,
        Power = r.Power,
        Status = r.Status,
        Accelerators = r.Accelerators,
        AcceleratorType = r.AcceleratorType,
        Source = SourceRefOf(r.SourceId),
    };

    /// <summary>The source a record cites, as explanations list it (null when it cites none).</summary>
    private SourceRef? SourceRefOf(int? id) => id is { } sourceId ? _sourceRefs.GetValueOrDefault(sourceId) : null;

    /// <summary>Positions of every deal in the given order.</summary>
    public ReadOnlySpan<int> Order(DealSort sort, bool descending) => _orders[OrderIndex(sort, descending)];

    /// <summary>Each position's rank in the given order (to sort a few positions without comparing records).</summary>
    public ReadOnlySpan<int> Ranks(DealSort sort, bool descending) => _ranks[OrderIndex(sort, descending)];

    private const int OrderCount = 8;

    private static int OrderIndex(DealSort sort, bool descending) => (sort, descending) switch
    {
        (DealSort.Value, true) => 2,
        (DealSort.Value, false) => 3,
        (DealSort.Mw, true) => 4,
        (DealSort.Mw, false) => 5,
        (DealSort.Title, true) => 6,
        (DealSort.Title, false) => 7,
        (_, false) => 1,
        _ => 0,
    };

    private static Comparison<int> Comparer(DealEntry[] e, int order) => order switch
    {
        // Oldest first: date, then title, then id (not the reverse of newest first, whose ties also go by title ascending).
        1 => (a, b) => Chain(e[a].Deal.AnnouncedOn.CompareTo(e[b].Deal.AnnouncedOn), string.CompareOrdinal(e[a].Deal.Title, e[b].Deal.Title), e[a].Deal.Id.CompareTo(e[b].Deal.Id)),
        // Undisclosed values and capacities sort last in both directions; ties newest first, then id.
        2 => (a, b) => Keyed(e[a].ValueKey, e[b].ValueKey, true, e[a], e[b]),
        3 => (a, b) => Keyed(e[a].ValueKey, e[b].ValueKey, false, e[a], e[b]),
        4 => (a, b) => Keyed(e[a].MwKey, e[b].MwKey, true, e[a], e[b]),
        5 => (a, b) => Keyed(e[a].MwKey, e[b].MwKey, false, e[a], e[b]),
        6 => (a, b) => Chain(string.CompareOrdinal(e[b].Deal.Title, e[a].Deal.Title), e[a].Deal.Id.CompareTo(e[b].Deal.Id), 0),
        _ => (a, b) => Chain(string.CompareOrdinal(e[a].Deal.Title, e[b].Deal.Title), e[a].Deal.Id.CompareTo(e[b].Deal.Id), 0),
    };

    private static int Keyed(double? x, double? y, bool descending, DealEntry a, DealEntry b)
    {
        if (x is null || y is null)
        {
            var nulls = (x is null).CompareTo(y is null);
            if (nulls != 0)
            {
                return nulls;
            }
        }
        else
        {
            var byKey = descending ? y.Value.CompareTo(x.Value) : x.Value.CompareTo(y.Value);
            if (byKey != 0)
            {
                return byKey;
            }
        }

        return Chain(b.Deal.AnnouncedOn.CompareTo(a.Deal.AnnouncedOn), a.Deal.Id.CompareTo(b.Deal.Id), 0);
    }

    private static int Chain(int first, int second, int third) => first != 0 ? first : second != 0 ? second : third;

    private static void Add(Dictionary<int, List<int>> index, int key, int position)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(position);
    }

    private DealEntry ToEntry(DealRecord deal, SharedParts shared)
    {
        var parties = deal.Parties
            .Where(p => Companies.ContainsKey(p.CompanyId))
            .Select(p => shared.Party(Companies[p.CompanyId], p.Role))
            .ToArray();
        var summary = new DealSummary(
            deal.Slug, deal.Title, deal.AnnouncedOn, deal.AnnouncedPrecision, deal.Type, deal.Status, parties,
            deal.Value, deal.ValuePeriod, deal.Capacity, deal.Summary)
        {
            // Feed entries use the id (stable across renames) and the last change time.
            Id = deal.Id,
            UpdatedAt = deal.UpdatedAt,
        };
        IReadOnlyList<DealPartyInput> inputs = deal.Parties.Count == 0 ? [] : deal.Parties.Select(p => shared.PartyInput(p.CompanyId, p.Role)).ToArray();
        IReadOnlyList<SourceRef> sources = deal.Sources.Count == 0 ? [] : deal.Sources.Select(s => SourceRefOf(s.SourceId)).OfType<SourceRef>().ToArray();
        return new DealEntry(deal, summary, inputs, deal.Value.SortKey, deal.Capacity?.SortKey, sources);
    }

    /// <summary>
    /// One immutable party row per company and role, shared by every deal that names it: at 100,000
    /// deals, 200,000 parties are a few hundred distinct rows (about 12 MB less than one per deal).
    /// </summary>
    private sealed class SharedParts
    {
        private readonly Dictionary<(int, PartyRole), PartySummary> _summaries = [];
        private readonly Dictionary<(int, PartyRole), DealPartyInput> _inputs = [];

        public PartySummary Party(CompanyRecord company, PartyRole role)
        {
            if (!_summaries.TryGetValue((company.Id, role), out var party))
            {
                _summaries[(company.Id, role)] = party = new PartySummary(company.Slug, company.Name, role);
            }

            return party;
        }

        public DealPartyInput PartyInput(int companyId, PartyRole role)
        {
            if (!_inputs.TryGetValue((companyId, role), out var party))
            {
                _inputs[(companyId, role)] = party = new DealPartyInput(companyId, role);
            }

            return party;
        }
    }
}
