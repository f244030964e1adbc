using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Api;

/// <summary>/api/v1/valuations: what companies were worth, when, on what basis and per which source.</summary>
public static class ValuationsEndpoints
{
    public static IEndpointRouteBuilder MapValuationsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/valuations", ListAsync)
            .WithTags("Valuations")
            .WithName("ListValuations")
            .WithSummary("List valuations")
            .WithDescription("Valuations by company name, then as-of date (oldest first); filter with company=slug.");
        return api;
    }

    private static async Task<Results<CachedJson<ListResponse<ValuationDto>>, ValidationProblem>> ListAsync(
        [AsParameters] ValuationQueryParameters parameters, HttpRequest request, IDbContextFactory<AppDbContext> factory, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var company = QueryValues.Slug("company", parameters.Company, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidQuery(errors);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Valuations.AsNoTracking().Where(v => !v.Company!.IsDeleted);
        if (company is not null)
        {
            query = query.Where(v => v.Company!.Slug == company);
        }

        var rows = await query
            .Include(v => v.Company)
            .Include(v => v.Source)
            .OrderBy(v => v.Company!.Name).ThenBy(v => v.AsOf).ThenBy(v => v.Id)
            .ToListAsync(cancellationToken);
        var links = new ApiLinks(request);
        var items = rows.Select(v => new ValuationDto(
            CompaniesEndpoints.Ref(v.Company!.Slug, v.Company.Name, links),
            v.AsOf,
            FigureDto.From(v.Amount, FigureUnit.Usd, v.Source is { } s ? [new SourceRefDto(null, s.Url, s.Title, s.Publisher, s.PublishedOn)] : []),
            v.Basis)).ToList();
        return new CachedJson<ListResponse<ValuationDto>>(new(items, items.Count, null));
    }
}
