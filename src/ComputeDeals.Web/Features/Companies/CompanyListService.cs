using ComputeDeals.Core.Domain;
using ComputeDeals.Web.Components.Shared;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.Companies;

/// <summary>A company as a list row.</summary>
public sealed record CompanyRow(string Slug, string Name, CompanyKind Kind, string? Country, string? ParentName, string? ParentSlug, int DealCount, int DataCenterCount);

/// <summary>Filters and sort of the company list, as they appear in the query string.</summary>
public sealed record CompanyListFilter(string? Text = null, CompanyKind? Kind = null, string? Country = null, string? Sort = null)
{
    public static readonly IReadOnlyList<string> Sorts = ["name", "deals", "datacenters", "country"];

    public string SortKey => Sort is { } s && Sorts.Contains(s) ? s : "name";
}

/// <summary>Reads the company list.</summary>
public sealed class CompanyListService(IDbContextFactory<AppDbContext> factory)
{
    public Task<IReadOnlyList<CompanyRow>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(new CompanyListFilter(), cancellationToken);

    public async Task<IReadOnlyList<CompanyRow>> ListAsync(CompanyListFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var companies = db.Companies.AsNoTracking().Where(c => !c.IsDeleted);
        if (filter.Kind is { } kind)
        {
            companies = companies.Where(c => c.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.Trim().ToUpperInvariant();
            companies = companies.Where(c => c.Country == country);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = "%" + LikePattern.Escape(filter.Text.Trim().ToLowerInvariant()) + "%";
            companies = companies.Where(c => EF.Functions.Like(c.Name.ToLower(), pattern, LikePattern.EscapeCharacter)
                || c.Aliases.Any(a => EF.Functions.Like(a.Name.ToLower(), pattern, LikePattern.EscapeCharacter)));
        }

        var rows = companies.Select(c => new
        {
            c.Slug,
            c.Name,
            c.Kind,
            c.Country,
            ParentName = c.Parent == null ? null : c.Parent.Name,
            ParentSlug = c.Parent == null ? null : c.Parent.Slug,
            DealCount = db.DealParties.Where(p => p.CompanyId == c.Id && db.Deals.Any(d => d.Id == p.DealId && d.IsPublished)).Select(p => p.DealId).Distinct().Count(),
            DataCenterCount = db.DataCenters.Count(d => d.OperatorId == c.Id && !d.IsDeleted),
        });
        rows = filter.SortKey switch
        {
            "deals" => rows.OrderByDescending(r => r.DealCount).ThenBy(r => r.Name),
            "datacenters" => rows.OrderByDescending(r => r.DataCenterCount).ThenBy(r => r.Name),
            "country" => rows.OrderBy(r => r.Country).ThenBy(r => r.Name),
            _ => rows.OrderBy(r => r.Name),
        };
        var list = await rows.ToListAsync(cancellationToken);
        return [.. list.Select(r => new CompanyRow(r.Slug, r.Name, r.Kind, r.Country, r.ParentName, r.ParentSlug, r.DealCount, r.DataCenterCount))];
    }

    /// <summary>The countries that companies are in, for the filter's choices.</summary>
    public async Task<IReadOnlyList<string>> CountriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Companies.AsNoTracking()
            .Where(c => !c.IsDeleted && c.Country != null)
            .Select(c => c.Country!)
            .Distinct()
            .OrderBy(c => c)
            .ToListAsync(cancellationToken);
    }
}
