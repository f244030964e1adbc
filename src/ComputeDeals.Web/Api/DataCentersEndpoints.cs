namespace ComputeDeals.Web.Api;

/// <summary>/api/v1/datacenters (mapped in <see cref="OpenDataApi"/>): the data center list's rows and one data center with its capacity timeline.</summary>
public static class DataCentersEndpoints
{
    /// <summary>A row of the /datacenters page as a row of the JSON list.</summary>
    public static DataCenterListItemDto ToListItem(DataCenterRow d, ApiLinks links) => new(
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
        links.DataCenterPermalink(d.Slug));

    public static Results<CachedJson<DataCenterDetailDto>, ProblemHttpResult> GetAsync(string slug, HttpRequest request, ReadModel readModel)
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
            center.Location,
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
