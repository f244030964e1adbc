using ComputeDeals.Core.Analytics;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.Deals;

/// <summary>A company that can be picked in the timeline's company filter.</summary>
public sealed record CompanyChoice(string Slug, string Name);

/// <summary>Aggregates behind the timeline chart and the choices of its filter bar.</summary>
public sealed class DealChartQuery(IDbContextFactory<AppDbContext> factory)
{
    /// <summary>
    /// <see cref="DealTotals"/> per quarter for every filtered deal (paging and sort ignored), oldest
    /// quarter first, gaps filled: the same "quarterly value" as the analytics and the home page.
    /// </summary>
    public async Task<IReadOnlyList<QuarterTotals>> ByQuarterAsync(DealFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var deals = await DealInputs.Project(DealQueryService.Apply(db, filter)).AsSplitQuery().ToListAsync(cancellationToken);
        return DealTotals.ByQuarter(deals);
    }

    /// <summary>Companies that are party to at least one published deal, by name.</summary>
    public async Task<IReadOnlyList<CompanyChoice>> CompaniesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Companies.AsNoTracking()
            .Where(c => !c.IsDeleted && db.DealParties.Any(p => p.CompanyId == c.Id && db.Deals.Any(d => d.Id == p.DealId && d.IsPublished)))
            .OrderBy(c => c.Name)
            .Select(c => new CompanyChoice(c.Slug, c.Name))
            .ToListAsync(cancellationToken);
    }
}
