using ComputeDeals.Core.Domain;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.Companies;

/// <summary>A data center a company operates, with the capacity row in force today.</summary>
public sealed record OperatedDataCenter(string Slug, string Name, string Location, FacilityStatus Status, CapacityRow? Current);

/// <summary>Everything the company page shows.</summary>
public sealed record CompanyProfile(
    Company Company,
    IReadOnlyList<Company> Subsidiaries,
    IReadOnlyList<Valuation> Valuations,
    IReadOnlyList<OperatedDataCenter> DataCenters,
    IReadOnlyList<(PartyRole Role, IReadOnlyList<DealSummary> Deals)> DealsByRole,
    DateOnly Today);

/// <summary>Loads a company profile by slug; null when it does not exist or was deleted.</summary>
public sealed class CompanyProfileQuery(IDbContextFactory<AppDbContext> factory, TimeProvider time)
{
    public async Task<CompanyProfile?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var company = await db.Companies.AsNoTracking()
            .Where(c => c.Slug == slug && !c.IsDeleted)
            .Include(c => c.Parent)
            .Include(c => c.Aliases)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (company is null)
        {
            return null;
        }

        if (company.Parent is { IsDeleted: true })
        {
            company.Parent = null;
        }

        var subsidiaries = await db.Companies.AsNoTracking()
            .Where(c => c.ParentId == company.Id && !c.IsDeleted)
            .OrderBy(c => c.Name)
            .ToListAsync(cancellationToken);

        var valuations = await db.Valuations.AsNoTracking()
            .Where(v => v.CompanyId == company.Id)
            .Include(v => v.Source)
            .OrderBy(v => v.AsOf).ThenBy(v => v.Id)
            .ToListAsync(cancellationToken);

        var centers = await db.DataCenters.AsNoTracking()
            .Where(d => d.OperatorId == company.Id && !d.IsDeleted)
            .Include(d => d.Capacity)
            .OrderBy(d => d.Name)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var roles = await db.DealParties.AsNoTracking()
            .Where(p => p.CompanyId == company.Id)
            .Select(p => new { p.DealId, p.Role })
            .ToListAsync(cancellationToken);
        var dealIds = roles.Select(r => r.DealId).Distinct().ToList();
        var summaries = await DealQueryService.SummariesByIdAsync(db.Deals.Where(d => dealIds.Contains(d.Id)), cancellationToken);
        var order = summaries.Keys.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        var byRole = roles
            .Where(r => summaries.ContainsKey(r.DealId))
            .GroupBy(r => r.Role)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<DealSummary>)g.Select(r => r.DealId).Distinct().OrderBy(id => order[id]).Select(id => summaries[id]).ToList()))
            .ToList();

        return new CompanyProfile(
            company,
            subsidiaries,
            valuations,
            centers.Select(d => new OperatedDataCenter(d.Slug, d.Name, LocationOf(d), d.Status, d.CapacityAt(today))).ToList(),
            byRole,
            today);
    }

    public static string LocationOf(DataCenter d) =>
        string.Join(", ", new[] { d.City, d.Region, d.Country }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
