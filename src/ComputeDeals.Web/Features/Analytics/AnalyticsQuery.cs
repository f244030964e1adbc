namespace ComputeDeals.Web.Features.Analytics;

/// <summary>Everything the analytics page shows for one as-of date, roll-up choice and set of compared companies.</summary>
public sealed record AnalyticsReport(
    DateOnly AsOf,
    bool RolledUp,
    IReadOnlyList<string> Compared,
    IReadOnlyList<CompanyRef> Companies,
    IReadOnlyList<CapacityPosition> Positions,
    ValuationComparison Valuations,
    IReadOnlyList<DealValueRow> DealValues,
    IReadOnlyList<QuarterlyTotal> Quarterly);

/// <summary>
/// The analytics of the published data: every result is computed by the <see cref="AnalyticsCalculator"/>
/// of a read-model snapshot (built once per snapshot, no SQL). Callers that pin a release pass that
/// release's snapshot; everyone else reads <see cref="ReadModel.ReadModel.Current"/>.
/// </summary>
public sealed class AnalyticsQuery(ReadModel.ReadModel readModel, TimeProvider time)
{
    /// <summary>
    /// The companies a <c>companies</c> query parameter compares (<see cref="ComparedCompanies"/>: the one rule of
    /// the page, the API, the embed and oEmbed), resolved against the given snapshot or the current one.
    /// </summary>
    public ComparedCompanies Compare(Microsoft.Extensions.Primitives.StringValues companies, ReadSnapshot? snapshot = null) =>
        ComparedCompanies.Resolve(companies, Calculator(snapshot));

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Capacity positions of every company with capacity at the date (the league table).</summary>
    public Task<IReadOnlyList<CapacityPosition>> CapacityAsync(DateOnly asOf, bool rollUp, CancellationToken cancellationToken = default) =>
        Task.FromResult(Positions(readModel.Current, asOf, rollUp));

    /// <summary>One company's capacity position (for company pages); null when the slug is unknown.</summary>
    public Task<CapacityPosition?> CompanyPositionAsync(string slug, DateOnly? asOf = null, bool rollUp = false, CancellationToken cancellationToken = default)
    {
        var calculator = Calculator(null);
        return Task.FromResult(calculator.Company(slug) is { } company ? calculator.Position(company.Id, asOf ?? Today, rollUp) : null);
    }

    /// <summary>Valuations of the compared companies, ratios and value per available MW.</summary>
    public Task<ValuationComparison> ValuationsAsync(ComparedCompanies compared, DateOnly asOf, bool rollUp, CancellationToken cancellationToken = default) =>
        Task.FromResult(Calculator(null).CompareValuations(Ids(compared), asOf, rollUp));

    public Task<IReadOnlyList<DealValueRow>> DealValuePerMwAsync(DateOnly asOf, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DealValueRow>>(DealValuePerMw(readModel.Current, asOf));

    public Task<IReadOnlyList<QuarterlyTotal>> QuarterlyAsync(DateOnly asOf, CancellationToken cancellationToken = default) =>
        Task.FromResult(Quarterly(readModel.Current, asOf));

    /// <summary>The whole page's results, from the current snapshot or the given one (a pinned release).</summary>
    public Task<AnalyticsReport> ReportAsync(DateOnly asOf, bool rollUp, ComparedCompanies compared, CancellationToken cancellationToken = default) =>
        Task.FromResult(Report(asOf, rollUp, compared));

    /// <summary>The whole page's results, from the current snapshot or the given one (a pinned release).</summary>
    public AnalyticsReport Report(DateOnly asOf, bool rollUp, ComparedCompanies compared, ReadSnapshot? snapshot = null)
    {
        ArgumentNullException.ThrowIfNull(compared);
        snapshot ??= readModel.Current;
        var calculator = snapshot.Analytics;
        var ids = Ids(compared);
        return new AnalyticsReport(
            asOf,
            rollUp,
            compared.Slugs,
            calculator.Data.Companies.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Select(c => calculator.Company(c.Id)!).ToList(),
            Positions(snapshot, asOf, rollUp),
            calculator.CompareValuations(ids, asOf, rollUp),
            DealValuePerMw(snapshot, asOf),
            Quarterly(snapshot, asOf));
    }

    /// <summary>The calculator of the given snapshot, or of the current one.</summary>
    public AnalyticsCalculator Calculator(ReadSnapshot? snapshot) => (snapshot ?? readModel.Current).Analytics;

    // Today's results (the home page, the default /analytics, the API without asOf) are computed once per
    // snapshot; other dates are computed per request, so a crawl of dates cannot fill memory.
    private IReadOnlyList<CapacityPosition> Positions(ReadSnapshot snapshot, DateOnly asOf, bool rollUp) =>
        OncePerSnapshotToday(snapshot, asOf, $"positions:{rollUp}", c => c.Positions(asOf, rollUp));

    // A window on the calculator's index by date: nothing to keep per date.
    private static DealValueRows DealValuePerMw(ReadSnapshot snapshot, DateOnly asOf) => snapshot.Analytics.DealValuePerMw(asOf);

    private IReadOnlyList<QuarterlyTotal> Quarterly(ReadSnapshot snapshot, DateOnly asOf) =>
        OncePerSnapshotToday(snapshot, asOf, "quarterly", c => c.Quarterly(asOf));

    private T OncePerSnapshotToday<T>(ReadSnapshot snapshot, DateOnly asOf, string name, Func<AnalyticsCalculator, T> compute)
        where T : class =>
        asOf == Today
            ? snapshot.Memo($"analytics:{name}:{asOf:yyyy-MM-dd}", s => compute(s.Analytics))
            : compute(snapshot.Analytics);

    private static List<int> Ids(ComparedCompanies compared) => [.. compared.Companies.Select(c => c.Id)];
}
