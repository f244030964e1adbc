namespace ComputeDeals.Web.Api;

/// <summary>/api/v1/datacenters: the data center list and one data center with its capacity timeline.</summary>
public static class DataCentersEndpoints
{
    public static IEndpointRouteBuilder MapDataCentersApi(this IEndpointRouteBuilder api)
    {
        var (list, get) = api.MapCollection("/datacenters", "Data centers", ListAsync, GetAsync);
        list.Describe("ListDataCenters", "List data centers",
            "Every data center, by name, with its operator and the capacity in force today (the latest row on or before today).");
        get.Describe("GetDataCenter", "Get one data center", "A data center with its operator, location and whole capacity timeline.");
        return api;
    }

    private static async Task<Results<CachedJson<ListResponse<DataCenterListItemDto>>, ValidationProblem>> ListAsync(
        [AsParameters] DataCenterQueryParameters parameters, HttpRequest request, DataCenterListQuery dataCenters, CancellationToken cancellationToken)
    {
        var links = new ApiLinks(request);
        return ListResponse.Of(
            await parameters.QueryAsync(dataCenters, cancellationToken),
            parameters.IsFiltered ? null : links.Absolute("/datacenters"),
            d => new DataCenterListItemDto(
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
                links.DataCenterPermalink(d.Slug)));
    }

    private static Results<CachedJson<DataCenterDetailDto>, ProblemHttpResult> GetAsync(string slug, HttpRequest request, ReadModel readModel)
    {
        var snapshot = readModel.Current;
        if (!snapshot.DataCentersBySlug.TryGetValue(slug, out var center) || !snapshot.Companies.TryGetValue(center.OperatorId, out var op))
        {
            return ApiProblems.NotFound("data center", slug);
        }

        var links = new ApiLinks(request);
        return new CachedJson<DataCenterDetailDto>(new DataCenterDetailDto(
            center.Slug,
            center.Name,
            CompaniesEndpoints.Ref(op.Slug, op.Name, links),
            center.City,
            center.Region,
            center.Country,
            center.Latitude,
            center.Longitude,
            center.Status,
            center.Description,
            center.Capacity.Select(r =>
            {
                var sources = SourceRefDto.Cited(snapshot, r.SourceId);
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
