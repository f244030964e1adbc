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
        group.MapGet("/companies.csv", Companies)
            .Describe("ExportCompaniesCsv", "Download companies as CSV", "The rows of /api/v1/companies with the same filters.")
            .Produces<string>(StatusCodes.Status200OK, CsvContentType);
        group.MapGet("/datacenters.csv", DataCenters)
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

    private static async Task<Results<CsvResult<CompanyRow>, ValidationProblem>> Companies(
        [AsParameters] CompanyQueryParameters parameters, HttpRequest request, CompanyListQuery companies, CancellationToken cancellationToken) =>
        Export(await parameters.QueryAsync(companies, cancellationToken), "computedeals-companies.csv", CompanyColumns, new ApiLinks(request), (c, csv, links) => csv
            .Text(c.Slug).Text(c.Name).Text(Name(c.Kind)).Text(c.Country).Text(c.ParentSlug).Text(c.ParentName)
            .Number(c.DealCount).Number(c.DataCenterCount).Text(Name(c.Coverage)).Text(links.CompanyPermalink(c.Slug)));

    private static async Task<Results<CsvResult<DataCenterRow>, ValidationProblem>> DataCenters(
        [AsParameters] DataCenterQueryParameters parameters, HttpRequest request, DataCenterListQuery dataCenters, CancellationToken cancellationToken) =>
        Export(await parameters.QueryAsync(dataCenters, cancellationToken), "computedeals-datacenters.csv", DataCenterColumns, new ApiLinks(request), (d, csv, links) =>
        {
            csv.Text(d.Slug).Text(d.Name).Text(d.OperatorSlug).Text(d.OperatorName).Text(d.Location).Text(Name(d.Status));
            csv.Figure(d.CurrentPower);
            csv.Text(d.CurrentPower is null ? null : FigureFormatter.Format(d.CurrentPower, FigureUnit.Megawatts)).Text(d.AcceleratorType);
            csv.Figure(d.CurrentAccelerators);
            csv.Date(d.CapacityAsOf).Text(links.DataCenterPermalink(d.Slug));
        });

    /// <summary>The rows of a list query (the JSON list's, unpaged) as a CSV file, or its bad parameters as a problem.</summary>
    private static Results<CsvResult<T>, ValidationProblem> Export<T>(
        (IReadOnlyList<T>? Rows, Dictionary<string, string[]> Errors) query, string fileName, IReadOnlyList<string> columns, ApiLinks links, Action<T, CsvRecordBuilder, ApiLinks> write) =>
        query.Rows is { } rows
            ? new CsvResult<T>(fileName, columns, rows.ToAsyncEnumerable(), (row, csv) => write(row, csv, links))
            : ApiProblems.InvalidQuery(query.Errors);

    private static string Name<T>(T value) where T : struct, Enum => DealCsvLayout.Name(value);
}
