using ComputeDeals.Core.Domain;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.Companies;

/// <summary>A company as a list row.</summary>
public sealed record CompanyRow(string Slug, string Name, CompanyKind Kind, string? Country, string? ParentName, string? ParentSlug, int DealCount, int DataCenterCount);

/// <summary>Reads the company list.</summary>
public sealed class CompanyListService(IDbContextFactory<AppDbContext> factory)
{
    public async Task<IReadOnlyList<CompanyRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Companies.AsNoTracking()
            .Where(c => !c.IsDeleted)
            .OrderBy(c => c.Name)
            .Select(c => new CompanyRow(
                c.Slug,
                c.Name,
                c.Kind,
                c.Country,
                c.Parent == null ? null : c.Parent.Name,
                c.Parent == null ? null : c.Parent.Slug,
                db.DealParties.Where(p => p.CompanyId == c.Id && db.Deals.Any(d => d.Id == p.DealId && d.IsPublished)).Select(p => p.DealId).Distinct().Count(),
                db.DataCenters.Count(d => d.OperatorId == c.Id && !d.IsDeleted)))
            .ToListAsync(cancellationToken);
    }
}
