using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;

namespace ComputeDeals.Core.Analytics;

/// <summary>
/// Computes capacity positions, valuation comparisons, deal value per MW and quarterly totals from
/// plain inputs (PRODUCT.md section 5). Pure: no I/O, the same inputs give the same results in any order.
/// </summary>
public sealed class AnalyticsCalculator
{
    private readonly AnalyticsData _data;
    private readonly Dictionary<int, CompanyInput> _companies;
    private readonly Dictionary<int, CompanyRef> _refs;
    private readonly Dictionary<int, List<DataCenterInput>> _centersByOperator;
    private readonly Dictionary<int, CapacityDeals> _capacityDealsByParty;
    private readonly Dictionary<int, List<ValuationInput>> _valuationsByCompany;

    // MW and accelerators of each capacity deal, read by every position it is in force for.
    private readonly Dictionary<int, (FigureRange Mw, FigureRange Accelerators)> _dealRanges;

    public AnalyticsCalculator(AnalyticsData data)
    {
        _data = data;
        _companies = data.Companies.ToDictionary(c => c.Id);
        _refs = data.Companies.ToDictionary(c => c.Id, c => new CompanyRef(c.Id, c.Slug, c.Name, c.Kind));
        _centersByOperator = data.DataCenters.GroupBy(d => d.OperatorId).ToDictionary(g => g.Key, g => g.ToList());
        _capacityDealsByParty = data.Deals
            .Where(d => DealTerms.MovesCapacity(d.Type) && DealTerms.Counts(d.Status))
            .SelectMany(d => d.Parties.Select(p => (p.CompanyId, Deal: d)))
            .GroupBy(x => x.CompanyId)
            .ToDictionary(g => g.Key, g => new CapacityDeals([.. g.Select(x => x.Deal).DistinctBy(d => d.Id).OrderBy(DealTerms.Start).ThenBy(d => d.Id)]));
        _dealRanges = _capacityDealsByParty.Values.SelectMany(c => c.Deals).DistinctBy(d => d.Id)
            .ToDictionary(d => d.Id, d => (DealTerms.Mw(d), DealTerms.Accelerators(d)!));
        _valuationsByCompany = data.Valuations.GroupBy(v => v.CompanyId).ToDictionary(g => g.Key, g => g.ToList());
        _dealValues = new Lazy<DealValueIndex>(() => new DealValueIndex(_data.Deals, BuildDealValueRow));
        _quarterly = new Lazy<QuarterlyIndex>(() => new QuarterlyIndex(_data.Deals, Ref));
    }

    // Date indexes, built on first use and shared by every date asked for (docs/analytics.md, "Performance").
    private readonly Lazy<DealValueIndex> _dealValues;
    private readonly Lazy<QuarterlyIndex> _quarterly;

    /// <summary>The inputs this calculator was built from.</summary>
    public AnalyticsData Data => _data;

    public CompanyRef? Company(int id) => _refs.GetValueOrDefault(id);

    public CompanyRef? Company(string slug) =>
        _data.Companies.FirstOrDefault(c => string.Equals(c.Slug, slug, StringComparison.OrdinalIgnoreCase)) is { } c ? _refs[c.Id] : null;

    /// <summary>The parent in force at the date, or null.</summary>
    public int? ParentAt(int companyId, DateOnly asOf) =>
        _companies.TryGetValue(companyId, out var c) && c.ParentId is { } parent && _companies.ContainsKey(parent)
            && (c.ParentSince is not { } since || since <= asOf)
            ? parent
            : null;

    /// <summary>The company itself and, when rolled up, every company under it at the date.</summary>
    public IReadOnlyList<int> MembersOf(int companyId, DateOnly asOf, bool rollUp)
    {
        if (!rollUp)
        {
            return [companyId];
        }

        return _data.Companies.Where(c => c.Id == companyId || IsUnder(c.Id, companyId, asOf)).Select(c => c.Id).Order().ToList();
    }

    /// <summary>
    /// Capacity positions at the date for every company that owns or contracts capacity then; when rolled
    /// up, subsidiaries are counted inside their top parent and get no row of their own.
    /// </summary>
    public IReadOnlyList<CapacityPosition> Positions(DateOnly asOf, bool rollUp)
    {
        var groups = rollUp ? GroupsAt(asOf) : null;
        return _data.Companies
            .Where(c => !rollUp || ParentAt(c.Id, asOf) is null)
            .Select(c => Position(c.Id, asOf, groups is null ? [c.Id] : groups[c.Id]))
            .Where(p => !p.IsEmpty)
            .OrderBy(p => p.Available is null).ThenByDescending(p => p.Available?.High).ThenBy(p => p.Company.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The capacity position of one company at the date, with its subsidiaries when rolled up.</summary>
    public CapacityPosition Position(int companyId, DateOnly asOf, bool rollUp) =>
        _refs.ContainsKey(companyId)
            ? Position(companyId, asOf, MembersOf(companyId, asOf, rollUp))
            : throw new ArgumentException($"Unknown company {companyId}.", nameof(companyId));

    /// <summary>
    /// The members of every top parent at the date (as <see cref="MembersOf"/> with roll-up): each company
    /// under the top of its chain of parents in force then, in one pass rather than a search per parent.
    /// </summary>
    private Dictionary<int, List<int>> GroupsAt(DateOnly asOf)
    {
        var groups = new Dictionary<int, List<int>>();
        foreach (var c in _data.Companies)
        {
            var seen = new HashSet<int> { c.Id };
            var top = c.Id;
            while (ParentAt(top, asOf) is { } parent)
            {
                if (!seen.Add(parent))
                {
                    top = -1; // a cycle never reaches a top parent
                    break;
                }

                top = parent;
            }

            if (top >= 0)
            {
                (groups.TryGetValue(top, out var list) ? list : groups[top] = []).Add(c.Id);
            }
        }

        foreach (var list in groups.Values)
        {
            list.Sort();
        }

        return groups;
    }

    private CapacityPosition Position(int companyId, DateOnly asOf, IReadOnlyList<int> members)
    {
        var company = _refs[companyId];
        var memberSet = members.ToHashSet();

        var operational = new List<Contribution>();
        var planned = new List<Contribution>();
        var ownedAccelerators = new List<Contribution>();
        foreach (var center in members.SelectMany(m => _centersByOperator.GetValueOrDefault(m) ?? []).OrderBy(c => c.Id))
        {
            var row = RowAt(center, asOf);
            if (row is null || row.Status == FacilityStatus.Decommissioned)
            {
                continue;
            }

            var target = row.Status == FacilityStatus.Operational ? operational : planned;
            target.Add(RowContribution(center, row, row.Power, FigureUnit.Megawatts));
            ownedAccelerators.Add(RowContribution(center, row, row.Accelerators, FigureUnit.Count));
        }

        var contractedIn = new List<(DealInput Deal, DealPartyInput Party)>();
        var contractedOut = new List<(DealInput Deal, DealPartyInput Party)>();
        foreach (var deal in ActiveCapacityDeals(members, asOf))
        {
            // A deal counts once per direction however many group members take part in it.
            if (FirstMember(deal, members, memberSet, Labels.IsReceivingRole) is { } receiver)
            {
                contractedIn.Add((deal, receiver));
            }

            if (FirstMember(deal, members, memberSet, Labels.IsGivingRole) is { } giver)
            {
                contractedOut.Add((deal, giver));
            }
        }

        return new CapacityPosition(
            company,
            members.Select(m => _refs[m]).ToList(),
            asOf,
            Trace(operational, FigureUnit.Megawatts),
            Trace(planned, FigureUnit.Megawatts),
            Trace(contractedIn, FigureUnit.Megawatts),
            Trace(contractedOut, FigureUnit.Megawatts),
            Trace(ownedAccelerators, FigureUnit.Count),
            Trace(contractedIn, FigureUnit.Count),
            Trace(contractedOut, FigureUnit.Count),
            CoverageRule.Combine(members.Select(m => _companies[m].Coverage)));
    }

    /// <summary>The latest valuation at or before the date, or null when none is on record.</summary>
    public ValuationPoint? ValuationAt(int companyId, DateOnly asOf) =>
        (_valuationsByCompany.GetValueOrDefault(companyId) ?? [])
            .Where(v => v.AsOf <= asOf)
            .OrderByDescending(v => v.AsOf).ThenByDescending(v => v.Id)
            .Select(v => new ValuationPoint(v.Id, v.AsOf, v.Amount, v.Basis, v.Source))
            .FirstOrDefault();

    /// <summary>Valuation of a over valuation of b at the date; null when either has no valuation.</summary>
    public FigureRange? ValuationRatio(int numeratorId, int denominatorId, DateOnly asOf) =>
        ValuationAt(numeratorId, asOf) is { } a && ValuationAt(denominatorId, asOf) is { } b
            ? RangeMath.Divide(a.Range, b.Range)
            : null;

    /// <summary>Valuations, value per available MW and every pairwise ratio (in the given order) of the chosen companies.</summary>
    public ValuationComparison CompareValuations(IReadOnlyList<int> companyIds, DateOnly asOf, bool rollUp)
    {
        var companies = companyIds.Distinct().Where(_refs.ContainsKey).Select(id =>
        {
            var valuation = ValuationAt(id, asOf);
            var position = Position(id, asOf, rollUp);
            var perMw = valuation is null || position.Available is not { } available ? null : RangeMath.Divide(valuation.Range, available);
            return new CompanyValuation(_refs[id], valuation, position, perMw);
        }).ToList();

        var ratios = new List<ValuationRatio>();
        for (var i = 0; i < companies.Count; i++)
        {
            for (var j = i + 1; j < companies.Count; j++)
            {
                var (a, b) = (companies[i], companies[j]);
                var ratio = a.Valuation is not null && b.Valuation is not null ? RangeMath.Divide(a.Valuation.Range, b.Valuation.Range) : null;
                ratios.Add(new ValuationRatio(a.Company, b.Company, ratio));
            }
        }

        return new ValuationComparison(asOf, rollUp, companies, ratios);
    }

    /// <summary>
    /// Announced or closed deals up to the date that carry MW, with value per MW, newest first. The rows are
    /// made as they are read (a page reads the first hundred), from an index of the deals by date built once.
    /// </summary>
    public DealValueRows DealValuePerMw(DateOnly asOf) => _dealValues.Value.UpTo(asOf);

    /// <summary>
    /// <see cref="DealTotals"/> per quarter of the announcement and deal type, for deals announced up to
    /// the date (only deals that count are added; see docs/analytics.md, "Quarterly value"). Quarters that
    /// ended by the date are computed once; only the date's own quarter is added up again.
    /// </summary>
    public IReadOnlyList<QuarterlyTotal> Quarterly(DateOnly asOf) => _quarterly.Value.UpTo(asOf);

    private DealValueRow BuildDealValueRow(DealInput d)
    {
        var mw = DealTerms.Mw(d);
        var total = DealTerms.TotalValue(d);
        var annual = DealTerms.AnnualValue(d);
        var years = DealTerms.TermYears(d);
        return new DealValueRow(
            Ref(d), Parties(d), d.Value, d.ValuePeriod, mw, DealTerms.Accelerators(d),
            years is { } y ? Math.Round(y * 12, 1) : null,
            total, annual, RangeMath.Divide(total, mw), RangeMath.Divide(annual, mw), d.Sources);
    }

    /// <summary>
    /// Capacity deals of the members in force at the date, by term start then id. One member reads its list,
    /// already in that order, up to the first deal that starts after the date.
    /// </summary>
    private IEnumerable<DealInput> ActiveCapacityDeals(IReadOnlyList<int> members, DateOnly asOf)
    {
        if (members.Count == 1)
        {
            return _capacityDealsByParty.TryGetValue(members[0], out var own) ? own.ActiveOn(asOf) : [];
        }

        return members.SelectMany(m => _capacityDealsByParty.GetValueOrDefault(m)?.Deals ?? [])
            .DistinctBy(d => d.Id)
            .Where(d => DealTerms.IsActiveOn(d, asOf))
            .OrderBy(DealTerms.Start).ThenBy(d => d.Id);
    }

    /// <summary>One company's capacity deals by term start then id, with the days each term starts and ends.</summary>
    private sealed class CapacityDeals
    {
        private readonly int[] _startDays;
        private readonly int[] _endDays;

        public CapacityDeals(DealInput[] deals)
        {
            Deals = deals;
            _startDays = [.. deals.Select(d => DealTerms.Start(d).DayNumber)];
            _endDays = [.. deals.Select(d => DealTerms.End(d)?.DayNumber ?? int.MaxValue)];
        }

        public DealInput[] Deals { get; }

        /// <summary>The deals in force at the date (<see cref="DealTerms.IsActiveOn"/>), in order; stops at the first that starts after it.</summary>
        public List<DealInput> ActiveOn(DateOnly asOf)
        {
            var day = asOf.DayNumber;
            var active = new List<DealInput>();
            for (var i = 0; i < Deals.Length && _startDays[i] <= day; i++)
            {
                if (_endDays[i] >= day)
                {
                    active.Add(Deals[i]);
                }
            }

            return active;
        }
    }

    private static DealPartyInput? FirstMember(DealInput deal, IReadOnlyList<int> members, HashSet<int> memberSet, Func<PartyRole, bool> role)
    {
        foreach (var party in deal.Parties)
        {
            if ((members.Count == 1 ? party.CompanyId == members[0] : memberSet.Contains(party.CompanyId)) && role(party.Role))
            {
                return party;
            }
        }

        return null;
    }

    /// <summary>
    /// The deals' MW (or accelerators) added up in order, as <see cref="Trace(List{Contribution}, FigureUnit)"/> would
    /// add their contributions; the contributions themselves ("why this number") are made only when read.
    /// </summary>
    private TracedRange Trace(List<(DealInput Deal, DealPartyInput Party)> deals, FigureUnit unit)
    {
        var total = default(RangeSum);
        foreach (var (deal, _) in deals)
        {
            total.Add(DealRange(deal, unit));
        }

        return new TracedRange(total.ToRange(), unit, new LazyList<Contribution>(deals.Count, () => [.. deals.Select(x => DealContribution(x.Deal, x.Party, DealRange(x.Deal, unit), unit))]));
    }

    private FigureRange DealRange(DealInput deal, FigureUnit unit) =>
        unit == FigureUnit.Megawatts ? _dealRanges[deal.Id].Mw : _dealRanges[deal.Id].Accelerators;

    private static CapacityRowInput? RowAt(DataCenterInput center, DateOnly asOf) =>
        CapacityTimeline.At(center.Capacity, asOf, r => r.EffectiveDate, r => r.Id);

    private static TracedRange Trace(List<Contribution> inputs, FigureUnit unit) =>
        new(inputs.Select(i => i.Range).Aggregate(FigureRange.Empty, FigureRange.Add), unit, inputs);

    private static Contribution RowContribution(DataCenterInput center, CapacityRowInput row, Figure? figure, FigureUnit unit)
    {
        var detail = Labels.Of(row.Status) + (unit == FigureUnit.Count && row.AcceleratorType is { } type ? " · " + type : string.Empty);
        return new Contribution(
            ContributionKind.CapacityRow, row.Id, center.Slug, center.Name, row.EffectiveDate, DatePrecision.Day, detail,
            FigureFormatter.Format(figure, unit), FigureRange.Of(figure), row.Source is null ? [] : [row.Source]);
    }

    private Contribution DealContribution(DealInput deal, DealPartyInput party, FigureRange range, FigureUnit unit)
    {
        var counterparties = deal.Parties.Where(p => p.CompanyId != party.CompanyId && _refs.ContainsKey(p.CompanyId))
            .Select(p => $"{_refs[p.CompanyId].Name} ({Labels.Of(p.Role)})");
        var detail = $"{_refs[party.CompanyId].Name} as {Labels.Of(party.Role)}";
        var others = string.Join(", ", counterparties);
        if (others.Length > 0)
        {
            detail += "; with " + others;
        }

        var text = unit == FigureUnit.Megawatts && deal.Capacity is not null ? FigureFormatter.Format(deal.Capacity, unit)
            : unit == FigureUnit.Count && deal.Accelerators is not null ? FigureFormatter.Format(deal.Accelerators, unit)
            : FigureFormatter.Format(range, unit);
        return new Contribution(
            ContributionKind.Deal, deal.Id, deal.Slug, deal.Title, DealTerms.Start(deal),
            deal.TermStart is null ? deal.AnnouncedPrecision : DatePrecision.Day, detail, text, range, deal.Sources);
    }

    private static DealRef Ref(DealInput d) => new(d.Id, d.Slug, d.Title, d.Type, d.Status, d.AnnouncedOn, d.AnnouncedPrecision);

    private List<PartyRef> Parties(DealInput d) =>
        d.Parties.Where(p => _refs.ContainsKey(p.CompanyId)).Select(p => new PartyRef(_refs[p.CompanyId], p.Role)).ToList();

    private bool IsUnder(int companyId, int ancestorId, DateOnly asOf)
    {
        var seen = new HashSet<int> { companyId };
        var current = ParentAt(companyId, asOf);
        while (current is { } parent && seen.Add(parent))
        {
            if (parent == ancestorId)
            {
                return true;
            }

            current = ParentAt(parent, asOf);
        }

        return false;
    }
}
