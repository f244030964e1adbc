using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Features.Companies;
using ComputeDeals.Web.Features.DataCenters;
using ComputeDeals.Web.Features.Deals;
using ComputeDeals.Web.Features.ReadModel;
using Microsoft.AspNetCore.Http.HttpResults;

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
            .WithName("ExportDealsCsv")
            .WithSummary("Download deals as CSV")
            .WithDescription("Every published deal matching the filters of /api/v1/deals, in the same order (page and pageSize are ignored). "
                + "Parties are flattened as 'slug:role; slug:role'; figures as low, high and qualifier columns in base units. "
                + "The columns are those the deal import reads (see docs/api.md), so an exported file imports as it is.")
            .Produces<string>(StatusCodes.Status200OK, CsvContentType);
        group.MapGet("/companies.csv", Companies)
            .WithName("ExportCompaniesCsv")
            .WithSummary("Download companies as CSV")
            .WithDescription("The rows of /api/v1/companies with the same filters.")
            .Produces<string>(StatusCodes.Status200OK, CsvContentType);
        group.MapGet("/datacenters.csv", DataCenters)
            .WithName("ExportDataCentersCsv")
            .WithSummary("Download data centers as CSV")
            .WithDescription("The rows of /api/v1/datacenters with the same filters, with the capacity in force today.")
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
        return new CsvResult<DealEntry>("computedeals-deals.csv", DealColumns, rows, (e, csv) => WriteDeal(csv, e, snapshot, links));
    }

    /// <summary>One deal in <see cref="DealCsvLayout.Columns"/> order, lossless: the import reads every column back.</summary>
    private static void WriteDeal(CsvRecordBuilder csv, DealEntry entry, ReadSnapshot snapshot, ApiLinks links)
    {
        var (d, row) = (entry.Deal, entry.Summary);
        csv.Text(d.Slug).Text(d.Title).Date(d.AnnouncedOn).Text(Name(d.AnnouncedPrecision)).Text(Name(d.Type)).Text(Name(d.Status))
            .Text(string.Join("; ", row.Parties.Select(p => DealCsvLayout.Party(p.Slug, p.Role))));
        Figure(csv, d.Value);
        csv.Text(Name(d.Value.Basis)).Text(Name(d.ValuePeriod)).Text(d.Value.Note).Text(row.ValueText);
        Figure(csv, d.Capacity);
        csv.Text(d.Capacity is null ? null : Name(d.Capacity.Basis)).Text(d.Capacity?.Note).Text(d.Capacity is null ? null : row.CapacityText);
        Figure(csv, d.Accelerators);
        csv.Text(d.Accelerators is null ? null : Name(d.Accelerators.Basis)).Text(d.Accelerators?.Note);
        csv.Date(d.TermStart).Date(d.TermEnd).Raw(d.TermMonths?.ToString(System.Globalization.CultureInfo.InvariantCulture)).Text(d.Summary);

        var centers = d.DataCenters.Where(x => snapshot.DataCenters.ContainsKey(x.DataCenterId)).ToList();
        csv.Text(Lines(centers, x => snapshot.DataCenters[x.DataCenterId].Slug))
            .Raw(Lines(centers, x => Bound(x.Share, low: true)))
            .Raw(Lines(centers, x => Bound(x.Share, low: false)))
            .Text(Lines(centers, x => x.Share is null ? null : Name(x.Share.IsDisclosed ? x.Share.Qualifier : FigureQualifier.Undisclosed)))
            .Text(Lines(centers, x => x.Share is null ? null : Name(x.Share.Basis)))
            .Text(Lines(centers, x => x.Share?.Note));

        var sources = d.Sources.Where(s => snapshot.Sources.ContainsKey(s.SourceId)).Select(s => (Link: s, Source: snapshot.Sources[s.SourceId])).ToList();
        csv.Text(Lines(sources, s => s.Source.Url))
            .Text(Lines(sources, s => s.Source.Title))
            .Text(Lines(sources, s => s.Source.Publisher))
            .Raw(Lines(sources, s => s.Source.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .Text(Lines(sources, s => DealCsvLayout.Supports(s.Link.Supports)))
            .Text(links.DealPermalink(d.Slug));
    }

    /// <summary>A list cell: one line per item (an item without a value is an empty line); null when the list is empty.</summary>
    private static string? Lines<T>(IReadOnlyList<T> items, Func<T, string?> value) =>
        items.Count == 0 ? null : string.Join('\n', items.Select(i => value(i) ?? string.Empty));

    private static string? Bound(Figure? figure, bool low) =>
        figure is { IsDisclosed: true } ? (low ? figure.Low : figure.High)?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : null;

    private static async Task<Results<CsvResult<CompanyRow>, ValidationProblem>> Companies(
        [AsParameters] CompanyQueryParameters parameters, HttpRequest request, CompanyListQuery companies, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = parameters.ToFilter(errors);
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidQuery(errors);
        }

        var links = new ApiLinks(request);
        var rows = await companies.ListAsync(filter, cancellationToken);
        return new CsvResult<CompanyRow>("computedeals-companies.csv", CompanyColumns, rows.ToAsyncEnumerable(), (c, csv) => csv
            .Text(c.Slug).Text(c.Name).Text(Name(c.Kind)).Text(c.Country).Text(c.ParentSlug).Text(c.ParentName)
            .Number(c.DealCount).Number(c.DataCenterCount).Text(Name(c.Coverage)).Text(links.CompanyPermalink(c.Slug)));
    }

    private static async Task<Results<CsvResult<DataCenterRow>, ValidationProblem>> DataCenters(
        [AsParameters] DataCenterQueryParameters parameters, HttpRequest request, DataCenterListQuery dataCenters, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (operatorSlug, status) = parameters.Parse(errors);
        var dataCenterFilter = parameters.ToFilter(status, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidQuery(errors);
        }

        var links = new ApiLinks(request);
        var rows = await DataCentersEndpoints.QueryAsync(dataCenters, operatorSlug, dataCenterFilter, cancellationToken);
        return new CsvResult<DataCenterRow>("computedeals-datacenters.csv", DataCenterColumns, rows.ToAsyncEnumerable(), (d, csv) =>
        {
            csv.Text(d.Slug).Text(d.Name).Text(d.OperatorSlug).Text(d.OperatorName).Text(d.Location).Text(Name(d.Status));
            Figure(csv, d.CurrentPower);
            csv.Text(d.CurrentPower is null ? null : FigureFormatter.Format(d.CurrentPower, FigureUnit.Megawatts)).Text(d.AcceleratorType);
            Figure(csv, d.CurrentAccelerators);
            csv.Date(d.CapacityAsOf).Text(links.DataCenterPermalink(d.Slug));
        });
    }

    /// <summary>low, high, qualifier: empty when there is no figure; bounds empty when undisclosed (never 0).</summary>
    private static void Figure(CsvRecordBuilder csv, Figure? figure)
    {
        var disclosed = figure is { IsDisclosed: true };
        csv.Number(disclosed ? figure!.Low : null)
            .Number(disclosed ? figure!.High : null)
            .Text(figure is null ? null : Name(disclosed ? figure.Qualifier : FigureQualifier.Undisclosed));
    }

    private static string Name<T>(T value) where T : struct, Enum => DealCsvLayout.Name(value);
}
