using ComputeDeals.Core.Domain;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.Deals.Permalink;

/// <summary>Loads one published deal with everything its permalink and share card show.</summary>
public sealed class DealPermalinkQuery(IDbContextFactory<AppDbContext> factory)
{
    /// <summary>The published, not deleted deal with this slug, or null (drafts are not public).</summary>
    public async Task<Deal?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var deal = await db.Deals.AsNoTracking()
            .Where(d => d.Slug == slug && d.IsPublished)
            .Include(d => d.Parties).ThenInclude(p => p.Company)
            .Include(d => d.DataCenters).ThenInclude(x => x.DataCenter)
            .Include(d => d.Sources).ThenInclude(s => s.Source)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (deal is null)
        {
            return null;
        }

        deal.Parties = [.. deal.Parties.Where(p => p.Company is { IsDeleted: false }).OrderBy(p => DealHeadline.Rank(p.Role)).ThenBy(p => p.Id)];
        deal.DataCenters = [.. deal.DataCenters.Where(x => x.DataCenter is { IsDeleted: false }).OrderBy(x => x.DataCenter!.Name)];
        deal.Sources = [.. deal.Sources.OrderBy(s => s.Ordinal).ThenBy(s => s.Id)];
        return deal;
    }
}
