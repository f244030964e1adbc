using ComputeDeals.Core.Analytics;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

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
/// Loads exactly the inputs the analytics need (published, non-deleted deals that count, capacity rows and
/// valuations up to the date) in a few no-tracking queries and hands them to <see cref="AnalyticsCalculator"/>.
/// </summary>
public sealed class AnalyticsService(IDbContextFactory<AppDbContext> factory, TimeProvider time)
{
    /// <summary>Companies compared when the analyst has not picked any.</summary>
    public static readonly IReadOnlyList<string> DefaultCompared = ["xai", "coreweave", "anthropic"];

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Capacity positions of every company with capacity at the date (the league table).</summary>
    public async Task<IReadOnlyList<CapacityPosition>> CapacityAsync(DateOnly asOf, bool rollUp, CancellationToken cancellationToken = default) =>
        (await LoadAsync(asOf, null, cancellationToken)).Positions(asOf, rollUp);

    /// <summary>One company's capacity position (for company pages); null when the slug is unknown.</summary>
    public async Task<CapacityPosition?> CompanyPositionAsync(string slug, DateOnly? asOf = null, bool rollUp = false, CancellationToken cancellationToken = default)
    {
        var date = asOf ?? Today;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var companies = await LoadCompaniesAsync(db, cancellationToken);
        var company = companies.FirstOrDefault(c => string.Equals(c.Slug, slug, StringComparison.OrdinalIgnoreCase));
        if (company is null)
        {
            return null;
        }

        var members = new AnalyticsCalculator(new AnalyticsData(companies, [], [], [])).MembersOf(company.Id, date, rollUp);
        var calculator = await LoadAsync(db, companies, date, members, cancellationToken);
        return calculator.Position(company.Id, date, rollUp);
    }

    /// <summary>Valuations of the given companies (unknown slugs are ignored), ratios and value per available MW.</summary>
    public async Task<ValuationComparison> ValuationsAsync(IReadOnlyList<string> slugs, DateOnly asOf, bool rollUp, CancellationToken cancellationToken = default)
    {
        var calculator = await LoadAsync(asOf, null, cancellationToken);
        return calculator.CompareValuations(Ids(calculator, slugs), asOf, rollUp);
    }

    public async Task<IReadOnlyList<DealValueRow>> DealValuePerMwAsync(DateOnly asOf, CancellationToken cancellationToken = default) =>
        (await LoadAsync(asOf, null, cancellationToken)).DealValuePerMw(asOf);

    public async Task<IReadOnlyList<QuarterlyTotal>> QuarterlyAsync(DateOnly asOf, CancellationToken cancellationToken = default) =>
        (await LoadAsync(asOf, null, cancellationToken)).Quarterly(asOf);

    /// <summary>The whole page's results from one load.</summary>
    public async Task<AnalyticsReport> ReportAsync(DateOnly asOf, bool rollUp, IReadOnlyList<string> compared, CancellationToken cancellationToken = default) =>
        BuildReport(await LoadDataAsync(asOf, cancellationToken), asOf, rollUp, compared);

    /// <summary>
    /// The inputs every analytics result at the date is computed from, with figure notes left out
    /// (the page carries them from prerendering into its circuit, so they are kept small).
    /// </summary>
    public async Task<AnalyticsData> LoadDataAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var companies = await LoadCompaniesAsync(db, cancellationToken);
        return await LoadDataAsync(db, companies, asOf, null, cancellationToken);
    }

    /// <summary>The page's results from inputs already loaded; pure, so the circuit can recompute without a query.</summary>
    public static AnalyticsReport BuildReport(AnalyticsData data, DateOnly asOf, bool rollUp, IReadOnlyList<string> compared)
    {
        var calculator = new AnalyticsCalculator(data);
        var ids = Ids(calculator, compared);
        return new AnalyticsReport(
            asOf,
            rollUp,
            ids.Select(id => calculator.Company(id)!.Slug).ToList(),
            data.Companies.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Select(c => calculator.Company(c.Id)!).ToList(),
            calculator.Positions(asOf, rollUp),
            calculator.CompareValuations(ids, asOf, rollUp),
            calculator.DealValuePerMw(asOf),
            calculator.Quarterly(asOf));
    }

    private static List<int> Ids(AnalyticsCalculator calculator, IReadOnlyList<string> slugs) =>
        slugs.Select(calculator.Company).OfType<CompanyRef>().Select(c => c.Id).Distinct().ToList();

    private async Task<AnalyticsCalculator> LoadAsync(DateOnly asOf, IReadOnlyCollection<int>? companyIds, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var companies = await LoadCompaniesAsync(db, cancellationToken);
        return await LoadAsync(db, companies, asOf, companyIds, cancellationToken);
    }

    private static Task<List<CompanyInput>> LoadCompaniesAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Companies.AsNoTracking()
            .Where(c => !c.IsDeleted)
            .OrderBy(c => c.Id)
            .Select(c => new CompanyInput { Id = c.Id, Slug = c.Slug, Name = c.Name, Kind = c.Kind, Coverage = c.Coverage, ParentId = c.ParentId, ParentSince = c.ParentSince })
            .ToListAsync(cancellationToken);

    private static async Task<AnalyticsCalculator> LoadAsync(
        AppDbContext db, List<CompanyInput> companies, DateOnly asOf, IReadOnlyCollection<int>? companyIds, CancellationToken cancellationToken) =>
        new(await LoadDataAsync(db, companies, asOf, companyIds, cancellationToken));

    // companyIds limits data centers, deals and valuations to those of the given companies (one company's position).
    private static async Task<AnalyticsData> LoadDataAsync(
        AppDbContext db, List<CompanyInput> companies, DateOnly asOf, IReadOnlyCollection<int>? companyIds, CancellationToken cancellationToken)
    {
        var centersQuery = db.DataCenters.AsNoTracking().Where(d => !d.IsDeleted);
        if (companyIds is not null)
        {
            centersQuery = centersQuery.Where(d => companyIds.Contains(d.OperatorId));
        }

        var centers = await centersQuery
            .OrderBy(d => d.Id)
            .Select(d => new
            {
                d.Id,
                d.Slug,
                d.Name,
                d.OperatorId,
                Rows = d.Capacity.Where(r => r.EffectiveDate <= asOf).Select(r => new
                {
                    r.Id,
                    r.EffectiveDate,
                    r.Power,
                    r.Status,
                    r.Accelerators,
                    r.AcceleratorType,
                    Source = r.Source == null ? null : new SourceRef(r.Source.Id, r.Source.Title, r.Source.Url, r.Source.Publisher),
                }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        // Rumored and cancelled deals never count, nor deals neither announced nor started by the date.
        var dealsQuery = db.Deals.AsNoTracking()
            .Where(d => d.IsPublished && DealTerms.CountedStatuses.Contains(d.Status))
            .Where(d => d.AnnouncedOn <= asOf || (d.TermStart != null && d.TermStart <= asOf));
        if (companyIds is not null)
        {
            dealsQuery = dealsQuery.Where(d => d.Parties.Any(p => companyIds.Contains(p.CompanyId)));
        }

        var deals = await dealsQuery
            .OrderBy(d => d.Id)
            .Select(d => new
            {
                d.Id,
                d.Slug,
                d.Title,
                d.Type,
                d.Status,
                d.AnnouncedOn,
                d.AnnouncedPrecision,
                d.Value,
                d.ValuePeriod,
                d.Capacity,
                d.Accelerators,
                d.TermStart,
                d.TermEnd,
                d.TermMonths,
                Parties = d.Parties.OrderBy(p => p.Id).Select(p => new DealPartyInput(p.CompanyId, p.Role)).ToList(),
                Centers = d.DataCenters.OrderBy(x => x.Id).Select(x => new { x.DataCenterId, x.Share }).ToList(),
                Sources = d.Sources.OrderBy(s => s.Ordinal)
                    .Select(s => new SourceRef(s.Source!.Id, s.Source.Title, s.Source.Url, s.Source.Publisher)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var valuationsQuery = db.Valuations.AsNoTracking().Where(v => v.AsOf <= asOf);
        if (companyIds is not null)
        {
            valuationsQuery = valuationsQuery.Where(v => companyIds.Contains(v.CompanyId));
        }

        var valuations = await valuationsQuery
            .OrderBy(v => v.Id)
            .Select(v => new
            {
                v.Id,
                v.CompanyId,
                v.AsOf,
                v.Amount,
                v.Basis,
                Source = v.Source == null ? null : new SourceRef(v.Source.Id, v.Source.Title, v.Source.Url, v.Source.Publisher),
            })
            .ToListAsync(cancellationToken);

        var data = new AnalyticsData(
            companies,
            centers.Select(d => new DataCenterInput
            {
                Id = d.Id,
                Slug = d.Slug,
                Name = d.Name,
                OperatorId = d.OperatorId,
                Capacity = d.Rows.Select(r => new CapacityRowInput
                {
                    Id = r.Id, EffectiveDate = r.EffectiveDate, Power = Bare(r.Power), Status = r.Status,
                    Accelerators = BareOrNull(r.Accelerators), AcceleratorType = r.AcceleratorType, Source = r.Source,
                }).ToList(),
            }).ToList(),
            deals.Select(d => new DealInput
            {
                Id = d.Id, Slug = d.Slug, Title = d.Title, Type = d.Type, Status = d.Status,
                AnnouncedOn = d.AnnouncedOn, AnnouncedPrecision = d.AnnouncedPrecision,
                Value = Bare(d.Value), ValuePeriod = d.ValuePeriod, Capacity = BareOrNull(d.Capacity), Accelerators = BareOrNull(d.Accelerators),
                TermStart = d.TermStart, TermEnd = d.TermEnd, TermMonths = d.TermMonths,
                Parties = d.Parties,
                DataCenters = d.Centers.Select(x => new DealDataCenterInput(x.DataCenterId, BareOrNull(x.Share))).ToList(),
                Sources = d.Sources,
            }).ToList(),
            valuations.Select(v => new ValuationInput
            {
                Id = v.Id, CompanyId = v.CompanyId, AsOf = v.AsOf, Amount = Bare(v.Amount), Basis = v.Basis, Source = v.Source,
            }).ToList());
        return data;
    }

    // The analytics never read a figure's note; leaving it out keeps the inputs small.
    private static Figure Bare(Figure figure) => figure with { Note = null };

    private static Figure? BareOrNull(Figure? figure) => figure is null ? null : Bare(figure);
}
