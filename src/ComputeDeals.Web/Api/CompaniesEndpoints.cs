using ComputeDeals.Web.Data;
using ComputeDeals.Web.Features.Companies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Api;

/// <summary>/api/v1/companies: the company list and one company with aliases, parent and subsidiaries.</summary>
public static class CompaniesEndpoints
{
    public static IEndpointRouteBuilder MapCompaniesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/companies").WithTags("Companies");
        group.MapGet("", ListAsync)
            .WithName("ListCompanies")
            .WithSummary("List companies")
            .WithDescription("Every company, by name, with its parent and how many published deals and data centers it has.");
        group.MapGet("/{slug}", GetAsync)
            .WithName("GetCompany")
            .WithSummary("Get one company")
            .WithDescription("A company with its aliases, parent (and since when), subsidiaries and the data centers it operates.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<CachedJson<ListResponse<CompanyListItem>>, ValidationProblem>> ListAsync(
        [AsParameters] CompanyQueryParameters parameters, HttpRequest request, CompanyListService companies, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = parameters.ToFilter(errors);
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidQuery(errors);
        }

        var links = new ApiLinks(request);
        var rows = await companies.ListAsync(filter, cancellationToken);
        var items = rows.Select(c => new CompanyListItem(
            c.Slug,
            c.Name,
            c.Kind,
            c.Country,
            c.ParentSlug is null ? null : Ref(c.ParentSlug, c.ParentName ?? c.ParentSlug, links),
            c.DealCount,
            c.DataCenterCount,
            links.CompanyApi(c.Slug),
            links.CompanyPermalink(c.Slug))).ToList();
        return new CachedJson<ListResponse<CompanyListItem>>(
            new(items, items.Count, parameters.IsFiltered ? null : links.Absolute("/companies")));
    }

    private static async Task<Results<CachedJson<CompanyDetail>, ProblemHttpResult>> GetAsync(
        string slug, HttpRequest request, IDbContextFactory<AppDbContext> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var company = await db.Companies.AsNoTracking()
            .Where(c => c.Slug == slug && !c.IsDeleted)
            .Include(c => c.Aliases.OrderBy(a => a.Name))
            .Include(c => c.Parent)
            .Include(c => c.Subsidiaries.Where(s => !s.IsDeleted).OrderBy(s => s.Name))
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (company is null)
        {
            return ApiProblems.NotFound("company", slug);
        }

        var links = new ApiLinks(request);
        var dataCenters = await db.DataCenters.AsNoTracking()
            .Where(d => d.OperatorId == company.Id && !d.IsDeleted)
            .OrderBy(d => d.Name)
            .Select(d => new { d.Slug, d.Name })
            .ToListAsync(cancellationToken);
        var parent = company.Parent is { IsDeleted: false } p ? Ref(p.Slug, p.Name, links) : null;
        return new CachedJson<CompanyDetail>(new CompanyDetail(
            company.Slug,
            company.Name,
            company.Kind,
            company.Coverage,
            company.Country,
            company.Website,
            company.Description,
            company.Aliases.Select(a => a.Name).ToList(),
            parent,
            parent is null ? null : company.ParentSince,
            company.Subsidiaries.Select(s => Ref(s.Slug, s.Name, links)).ToList(),
            dataCenters.Select(d => new DataCenterRef(d.Slug, d.Name, links.DataCenterApi(d.Slug), links.DataCenterPermalink(d.Slug))).ToList(),
            links.Absolute("/api/v1/deals?company=" + Uri.EscapeDataString(company.Slug)),
            links.Absolute("/api/v1/valuations?company=" + Uri.EscapeDataString(company.Slug)),
            company.UpdatedAt,
            links.CompanyApi(company.Slug),
            links.CompanyPermalink(company.Slug)));
    }

    public static CompanyRefDto Ref(string slug, string name, ApiLinks links) =>
        new(slug, name, links.CompanyApi(slug), links.CompanyPermalink(slug));
}
