namespace ComputeDeals.Web.Api;

/// <summary>/api/v1/valuations (mapped in <see cref="OpenDataApi"/>): what companies were worth, when, on what basis and per which source.</summary>
public static class ValuationsEndpoints
{
    public static Results<CachedJson<ListResponse<ValuationDto>>, ValidationProblem> List(
        [AsParameters] ValuationQueryParameters parameters, HttpRequest request, ReadModel readModel)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var company = QueryValues.Slug("company", parameters.Company, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidQuery(errors);
        }

        var snapshot = readModel.Current;
        IEnumerable<ValuationRecord> rows = company is null
            ? snapshot.Valuations
                .OrderBy(v => snapshot.Companies[v.CompanyId].Name, StringComparer.Ordinal)
                .ThenBy(v => v.CompanyId)
                .ThenBy(v => v.AsOf)
                .ThenBy(v => v.Id)
            : snapshot.CompaniesBySlug.TryGetValue(company, out var c) && snapshot.ValuationsByCompany.TryGetValue(c.Id, out var own) ? own : [];
        var links = new ApiLinks(request);
        var items = rows.Select(v =>
        {
            var owner = snapshot.Companies[v.CompanyId];
            return new ValuationDto(
                CompaniesEndpoints.Ref(owner.Slug, owner.Name, links), v.AsOf, FigureDto.From(v.Amount, FigureUnit.Usd, SourceRefDto.Cited(snapshot, v.SourceId)), v.Basis);
        }).ToList();
        return ListResponse.Of(items);
    }
}
