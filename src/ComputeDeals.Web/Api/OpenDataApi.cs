namespace ComputeDeals.Web.Api;

/// <summary>The open-data API: one /api/v1 group that every endpoint group of the API is mapped into.</summary>
public static class OpenDataApi
{
    /// <summary>The version prefix, written once.</summary>
    public const string Prefix = "/api/v1";

    /// <summary>True for a request path inside the API (<see cref="Prefix"/> or below it).</summary>
    public static bool Contains(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for an endpoint's route pattern (relative, as the API explorer gives it) inside the API.</summary>
    public static bool ContainsRoute(string? relativePath) => relativePath is not null && Contains("/" + relativePath);

    /// <summary>
    /// Maps the API under <see cref="Prefix"/>, in the order the OpenAPI document lists it: the collections (a list and
    /// one record by slug), the lists with no records of their own, the CSV exports and the analytics. The list of
    /// companies and of data centers are the website's /companies and /datacenters rows (<see cref="ApiRoutes.FilteredList{TParameters, TQuery, TRow, TDto}"/>).
    /// </summary>
    public static WebApplication MapOpenDataApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix);
        api.MapCollection(
            "/deals",
            "Deals",
            DealsEndpoints.ListAsync,
            new("ListDeals", "List published deals",
                "The same filters, sort and paging as the /deals page. Follow links.next to read every row exactly once."),
            DealsEndpoints.GetAsync,
            new("GetDeal", "Get one published deal",
                "Parties with roles, data centers, figures with the sources that support them, term, summary and sources. "
                + "A renamed deal's old slug answers 301 to the new URL."));
        api.MapCollection(
            "/companies",
            "Companies",
            ApiRoutes.FilteredList<CompanyQueryParameters, CompanyListQuery, CompanyRow, CompanyListItemDto>("/companies", CompaniesEndpoints.ToListItem),
            new("ListCompanies", "List companies", "Every company, by name, with its parent and how many published deals and data centers it has."),
            CompaniesEndpoints.GetAsync,
            new("GetCompany", "Get one company", "A company with its aliases, parent (and since when), subsidiaries and the data centers it operates."));
        api.MapCollection(
            "/datacenters",
            "Data centers",
            ApiRoutes.FilteredList<DataCenterQueryParameters, DataCenterListQuery, DataCenterRow, DataCenterListItemDto>("/datacenters", DataCentersEndpoints.ToListItem),
            new("ListDataCenters", "List data centers",
                "Every data center, by name, with its operator and the capacity in force today (the latest row on or before today)."),
            DataCentersEndpoints.GetAsync,
            new("GetDataCenter", "Get one data center", "A data center with its operator, location and whole capacity timeline."));
        api.MapList("/valuations", "Valuations", ValuationsEndpoints.List, new("ListValuations", "List valuations",
            "Valuations by company name, then as-of date (oldest first); filter with company=slug."));
        api.MapList("/sources", "Sources", SourcesEndpoints.List, new("ListSources", "List sources",
            "Every source cited by a published deal, a valuation or a data center's capacity row, newest first. "
            + "Sources cited only by drafts are left out."));
        api.MapCsvExports();
        api.MapAnalyticsApi();
        return app;
    }
}
