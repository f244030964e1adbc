namespace ComputeDeals.Web.Api;

/// <summary>
/// /api/v1/deals.csv, companies.csv and datacenters.csv: every row matching the same filters as
/// the JSON lists (no paging), streamed. Enum values are written as in the JSON (camelCase).
/// </summary>
public static class CsvExportEndpoints
{
    /// <summary>The deal export's columns: <see cref="DealCsvLayout.Columns"/>, the layout the import reads too.</summary>
    public static IReadOnlyList<string> DealColumns => DealCsvLayout.Columns;

    public static readonly string[] CompanyColumns =
        ["slug", "name", "kind", "country", "parent_slug", "parent_name", "deal_count", "data_center_count", "coverage", "permalink"];

    public static readonly string[] DataCenterColumns =
    [
        "slug", "name", "operator_slug", "operator_name", "location", "status",
        "power_mw_low", "power_mw_high", "power_mw_qualifier", "power_text", "accelerator_type",
        "accelerators_low", "accelerators_high", "accelerators_qualifier", "capacity_as_of", "permalink",
    ];

    private const string CsvContentType = "text/csv";

    public static IEndpointRouteBuilder MapCsvExports(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("CSV exports");
        group.MapGet("/deals.csv", Deals)
            .Describe("ExportDealsCsv", "Download deals as CSV",
                "Every published deal matching the filters of /api/v1/deals, in the same order (page and pageSize are ignored). "
                + "Parties are flattened as 'slug:role; slug:role'; figures as low, high and qualifier columns in base units. "
                + "The columns are those the deal import reads (see docs/api.md), so an exported file imports as it is.")
            .Produces<string>(StatusCodes.Status200OK, CsvContentType);
        group.MapGet("/companies.csv", ApiRoutes.FilteredCsv<CompanyQueryParameters, CompanyListQuery, CompanyRow>("computedeals-companies.csv", CompanyColumns, WriteCompany))
            .Describe("ExportCompaniesCsv", "Download companies as CSV", "The rows of /api/v1/companies with the same filters.")
            .Produces<string>(StatusCodes.Status200OK, CsvContentType);
        group.MapGet("/datacenters.csv", ApiRoutes.FilteredCsv<DataCenterQueryParameters, DataCenterListQuery, DataCenterRow>("computedeals-datacenters.csv", DataCenterColumns, WriteDataCenter))
            .Describe("ExportDataCentersCsv", "Download data centers as CSV", "The rows of /api/v1/datacenters with the same filters, with the capacity in force today.")
            .Produces<string>(StatusCodes.Status200OK, CsvContentType);
        return api;
    }

    private static Results<CsvResult<DealEntry>, ValidationProblem> Deals(
        [AsParameters] DealQueryParameters parameters, HttpRequest request, Features.ReadModel.ReadModel readModel)
    {
        var parsed = parameters.Parse();
        if (!parsed.IsValid)
        {
            return ApiProblems.InvalidQuery(parsed.Errors);
        }

        var links = new ApiLinks(request);
        // One snapshot for the whole file: the rows, their data centers and their sources agree.
        var snapshot = readModel.Current;
        var rows = DealListQuery.Ordered(snapshot, parsed.Filter).Select(p => snapshot.Deals[p]).ToAsyncEnumerable();
        return new CsvResult<DealEntry>("computedeals-deals.csv", DealColumns, rows, (e, csv) => DealCsvLayout.Write(csv, e, snapshot, links.DealPermalink(e.Deal.Slug)));
    }

    /// <summary>One row of companies.csv, in <see cref="CompanyColumns"/> order.</summary>
    private static void WriteCompany(CompanyRow c, CsvRecordBuilder csv, ApiLinks links) => csv
        .Text(c.Slug).Text(c.Name).Text(Name(c.Kind)).Text(c.Country).Text(c.ParentSlug).Text(c.ParentName)
        .Number(c.DealCount).Number(c.DataCenterCount).Text(Name(c.Coverage)).Text(links.CompanyPermalink(c.Slug));

    /// <summary>One row of datacenters.csv, in <see cref="DataCenterColumns"/> order.</summary>
    private static void WriteDataCenter(DataCenterRow d, CsvRecordBuilder csv, ApiLinks links)
    {
        csv.Text(d.Slug).Text(d.Name).Text(d.OperatorSlug).Text(d.OperatorName).Text(d.Location).Text(Name(d.Status));
        csv.Figure(d.CurrentPower);
        csv.Text(d.CurrentPower is null ? null : FigureFormatter.Format(d.CurrentPower, FigureUnit.Megawatts)).Text(d.AcceleratorType);
        csv.Figure(d.CurrentAccelerators);
        csv.Date(d.CapacityAsOf).Text(links.DataCenterPermalink(d.Slug));
    }

    private static string Name<T>(T value) where T : struct, Enum => DealCsvLayout.Name(value);
}
