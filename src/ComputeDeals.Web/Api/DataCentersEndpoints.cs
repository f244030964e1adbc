using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Features.DataCenters;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Api;

/// <summary>/api/v1/datacenters: the data center list and one data center with its capacity timeline.</summary>
public static class DataCentersEndpoints
{
    public static IEndpointRouteBuilder MapDataCentersApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/datacenters").WithTags("Data centers");
        group.MapGet("", ListAsync)
            .WithName("ListDataCenters")
            .WithSummary("List data centers")
            .WithDescription("Every data center, by name, with its operator and the capacity in force today (the latest row on or before today).");
        group.MapGet("/{slug}", GetAsync)
            .WithName("GetDataCenter")
            .WithSummary("Get one data center")
            .WithDescription("A data center with its operator, location and whole capacity timeline.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The rows the list page shows, narrowed by the filters (shared with the CSV).</summary>
    public static async Task<IReadOnlyList<DataCenterRow>> QueryAsync(
        DataCenterListService dataCenters, string? operatorSlug, DataCenterListFilter filter, CancellationToken cancellationToken)
    {
        var rows = await dataCenters.ListAsync(filter, cancellationToken);
        return operatorSlug is null ? rows : rows.Where(r => r.OperatorSlug == operatorSlug).ToList();
    }

    private static async Task<Results<CachedJson<ListResponse<DataCenterListItem>>, ValidationProblem>> ListAsync(
        [AsParameters] DataCenterQueryParameters parameters, HttpRequest request, DataCenterListService dataCenters, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (operatorSlug, status) = parameters.Parse(errors);
        var filter = parameters.ToFilter(status, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidQuery(errors);
        }

        var links = new ApiLinks(request);
        var rows = await QueryAsync(dataCenters, operatorSlug, filter, cancellationToken);
        var items = rows.Select(d => new DataCenterListItem(
            d.Slug,
            d.Name,
            CompaniesEndpoints.Ref(d.OperatorSlug, d.OperatorName, links),
            d.Location,
            d.Status,
            FigureDto.FromOptional(d.CurrentPower, FigureUnit.Megawatts),
            d.AcceleratorType,
            FigureDto.FromOptional(d.CurrentAccelerators, FigureUnit.Count),
            d.CapacityAsOf,
            links.DataCenterApi(d.Slug),
            links.DataCenterPermalink(d.Slug))).ToList();
        return new CachedJson<ListResponse<DataCenterListItem>>(
            new(items, items.Count, parameters.IsFiltered ? null : links.Absolute("/datacenters")));
    }

    private static async Task<Results<CachedJson<DataCenterDetail>, ProblemHttpResult>> GetAsync(
        string slug, HttpRequest request, IDbContextFactory<AppDbContext> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var center = await db.DataCenters.AsNoTracking()
            .Where(d => d.Slug == slug && !d.IsDeleted)
            .Include(d => d.Operator)
            .Include(d => d.Capacity.OrderBy(r => r.EffectiveDate).ThenBy(r => r.Id)).ThenInclude(r => r.Source)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (center is null)
        {
            return ApiProblems.NotFound("data center", slug);
        }

        var links = new ApiLinks(request);
        return new CachedJson<DataCenterDetail>(new DataCenterDetail(
            center.Slug,
            center.Name,
            CompaniesEndpoints.Ref(center.Operator!.Slug, center.Operator.Name, links),
            center.City,
            center.Region,
            center.Country,
            center.Latitude,
            center.Longitude,
            center.Status,
            center.Description,
            center.Capacity.Select(r =>
            {
                IReadOnlyList<SourceRefDto> sources = r.Source is { } s ? [new SourceRefDto(null, s.Url, s.Title, s.Publisher, s.PublishedOn)] : [];
                return new CapacityRowDto(
                    r.EffectiveDate,
                    r.Precision,
                    r.Status,
                    FigureDto.From(r.Power, FigureUnit.Megawatts, sources),
                    r.AcceleratorType,
                    FigureDto.FromOptional(r.Accelerators, FigureUnit.Count, sources));
            }).ToList(),
            center.UpdatedAt,
            links.DataCenterApi(center.Slug),
            links.DataCenterPermalink(center.Slug)));
    }
}
