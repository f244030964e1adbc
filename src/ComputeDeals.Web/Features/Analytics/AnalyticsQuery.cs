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
    /// <summary>Companies compared when the analyst has not picked any.</summary>
    public static readonly IReadOnlyList<string> DefaultCompared = ["xai", "coreweave", "anthropic"];

    /// <summary>
    /// The company slugs a <c>companies</c> query parameter names, in order: comma-separated, a repeated parameter
    /// read as one list (a form without JavaScript repeats it), each slug trimmed, blanks dropped. The one reading
    /// of the parameter for the analytics page, its API, its embed, oEmbed and the embed code's height.
    /// </summary>
    public static IReadOnlyList<string> ComparedSlugs(Microsoft.Extensions.Primitives.StringValues companies) =>
        [.. companies.SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

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

    /// <summary>Valuations of the given companies (unknown slugs are ignored), ratios and value per available MW.</summary>
    public Task<ValuationComparison> ValuationsAsync(IReadOnlyList<string> slugs, DateOnly asOf, bool rollUp, CancellationToken cancellationToken = default)
    {
        var calculator = Calculator(null);
        return Task.FromResult(calculator.CompareValuations(Ids(calculator, slugs), asOf, rollUp));
    }

    public Task<IReadOnlyList<DealValueRow>> DealValuePerMwAsync(DateOnly asOf, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DealValueRow>>(DealValuePerMw(readModel.Current, asOf));

    public Task<IReadOnlyList<QuarterlyTotal>> QuarterlyAsync(DateOnly asOf, CancellationToken cancellationToken = default) =>
        Task.FromResult(Quarterly(readModel.Current, asOf));

    /// <summary>The whole page's results, from the current snapshot or the given one (a pinned release).</summary>
    public Task<AnalyticsReport> ReportAsync(DateOnly asOf, bool rollUp, IReadOnlyList<string> compared, CancellationToken cancellationToken = default) =>
        Task.FromResult(Report(asOf, rollUp, compared));

    /// <summary>The whole page's results, from the current snapshot or the given one (a pinned release).</summary>
    public AnalyticsReport Report(DateOnly asOf, bool rollUp, IReadOnlyList<string> compared, ReadSnapshot? snapshot = null)
    {
        snapshot ??= readModel.Current;
        var calculator = snapshot.Analytics;
        var ids = Ids(calculator, compared);
        return new AnalyticsReport(
            asOf,
            rollUp,
            ids.Select(id => calculator.Company(id)!.Slug).ToList(),
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

    private static List<int> Ids(AnalyticsCalculator calculator, IReadOnlyList<string> slugs) =>
        slugs.Select(calculator.Company).OfType<CompanyRef>().Select(c => c.Id).Distinct().ToList();
}
