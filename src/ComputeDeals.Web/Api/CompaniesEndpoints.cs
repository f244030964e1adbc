namespace ComputeDeals.Web.Api;

/// <summary>/api/v1/companies (mapped in <see cref="OpenDataApi"/>): the company list's rows and one company with aliases, parent and subsidiaries.</summary>
public static class CompaniesEndpoints
{
    /// <summary>A row of the /companies page as a row of the JSON list.</summary>
    public static CompanyListItemDto ToListItem(CompanyRow c, ApiLinks links) => new(
        c.Slug,
        c.Name,
        c.Kind,
        c.Country,
        c.ParentSlug is null ? null : Ref(c.ParentSlug, c.ParentName ?? c.ParentSlug, links),
        c.DealCount,
        c.DataCenterCount,
        links.CompanyApi(c.Slug),
        links.CompanyPermalink(c.Slug));

    public static Results<CachedJson<CompanyDetailDto>, ProblemHttpResult> GetAsync(string slug, HttpRequest request, ReadModel readModel)
    {
        var snapshot = readModel.Current;
        if (!snapshot.CompaniesBySlug.TryGetValue(slug, out var company))
        {
            return ApiProblems.NotFound("company", slug);
        }

        var links = new ApiLinks(request);
        var parent = company.ParentId is { } parentId && snapshot.Companies.TryGetValue(parentId, out var p) ? Ref(p.Slug, p.Name, links) : null;
        var subsidiaries = snapshot.SubsidiariesByParent.TryGetValue(company.Id, out var subs) ? subs : [];
        var dataCenters = snapshot.DataCentersByOperator.TryGetValue(company.Id, out var centers) ? centers : [];
        return new CachedJson<CompanyDetailDto>(new CompanyDetailDto(
            company.Slug,
            company.Name,
            company.Kind,
            company.Coverage,
            company.Country,
            company.Website,
            company.Description,
            company.Aliases.Order(StringComparer.Ordinal).ToList(),
            parent,
            parent is null ? null : company.ParentSince,
            subsidiaries.Select(s => Ref(s.Slug, s.Name, links)).ToList(),
            dataCenters.Select(d => new DataCenterRefDto(d.Slug, d.Name, links.DataCenterApi(d.Slug), links.DataCenterPermalink(d.Slug))).ToList(),
            links.Absolute(OpenDataApi.Prefix + "/deals?company=" + Uri.EscapeDataString(company.Slug)),
            links.Absolute(OpenDataApi.Prefix + "/valuations?company=" + Uri.EscapeDataString(company.Slug)),
            company.UpdatedAt,
            links.CompanyApi(company.Slug),
            links.CompanyPermalink(company.Slug)));
    }

    public static CompanyRefDto Ref(string slug, string name, ApiLinks links) =>
        new(slug, name, links.CompanyApi(slug), links.CompanyPermalink(slug));
}
