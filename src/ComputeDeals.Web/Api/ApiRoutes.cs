namespace ComputeDeals.Web.Api;

/// <summary>
/// How one operation reads in the OpenAPI document: an operation id (unique), a one-line summary and a
/// description. Every operation has all three (the linter's recommended rules ask for them).
/// </summary>
public sealed record ApiOperation(string Name, string Summary, string Description);

/// <summary>How the endpoint groups of the open-data API map and document their operations.</summary>
public static class ApiRoutes
{
    /// <summary>Names and describes one operation in the OpenAPI document (see <see cref="ApiOperation"/>).</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder endpoint, string name, string summary, string description) =>
        endpoint.WithName(name).WithSummary(summary).WithDescription(description);

    /// <inheritdoc cref="Describe(RouteHandlerBuilder, string, string, string)"/>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder endpoint, ApiOperation operation) =>
        endpoint.Describe(operation.Name, operation.Summary, operation.Description);

    /// <summary>
    /// A collection of records: its list at <paramref name="path"/> and one record at <paramref name="path"/>/{slug},
    /// which answers a 404 problem for an unknown slug. Both operations are filed under <paramref name="tag"/>.
    /// </summary>
    public static void MapCollection(
        this IEndpointRouteBuilder api, string path, string tag, Delegate list, ApiOperation listOperation, Delegate get, ApiOperation getOperation)
    {
        var group = api.MapGroup(path).WithTags(tag);
        group.MapGet(string.Empty, list).Describe(listOperation);
        group.MapGet("/{slug}", get).ProducesProblem(StatusCodes.Status404NotFound).Describe(getOperation);
    }

    /// <summary>A list with no records of its own at <paramref name="path"/>, filed under <paramref name="tag"/>.</summary>
    public static void MapList(this IEndpointRouteBuilder api, string path, string tag, Delegate list, ApiOperation operation) =>
        api.MapGet(path, list).WithTags(tag).Describe(operation);

    /// <summary>
    /// The handler of a list the website shows too (/companies, /datacenters): the rows <typeparamref name="TQuery"/>
    /// gives for the filters, each as its DTO, with a link to the website's <paramref name="page"/> while no filter
    /// is set; a bad filter value answers a 400 problem that names it.
    /// </summary>
    public static Delegate FilteredList<TParameters, TQuery, TRow, TDto>(string page, Func<TRow, ApiLinks, TDto> toDto)
        where TParameters : IListParameters<TQuery, TRow> =>
        async Task<Results<CachedJson<ListResponse<TDto>>, ValidationProblem>> (
            [AsParameters] TParameters parameters, HttpRequest request, TQuery query, CancellationToken cancellationToken) =>
        {
            var links = new ApiLinks(request);
            return ListResponse.Of(
                await parameters.QueryAsync(query, cancellationToken),
                parameters.IsFiltered ? null : links.Absolute(page),
                row => toDto(row, links));
        };

    /// <summary>
    /// The CSV export of a list the website shows too (/companies.csv, /datacenters.csv): the rows
    /// <typeparamref name="TParameters"/> read for <see cref="FilteredList{TParameters, TQuery, TRow, TDto}"/>, through
    /// the same <see cref="IListParameters{TQuery, TRow}"/>, so the file holds the JSON list's (and the page's) rows in
    /// the same order; a bad filter value answers the same 400 problem.
    /// </summary>
    public static Delegate FilteredCsv<TParameters, TQuery, TRow>(string fileName, IReadOnlyList<string> columns, Action<TRow, CsvRecordBuilder, ApiLinks> write)
        where TParameters : IListParameters<TQuery, TRow> =>
        async Task<Results<CsvResult<TRow>, ValidationProblem>> (
            [AsParameters] TParameters parameters, HttpRequest request, TQuery query, CancellationToken cancellationToken) =>
        {
            var links = new ApiLinks(request);
            var (rows, errors) = await parameters.QueryAsync(query, cancellationToken);
            return rows is null
                ? ApiProblems.InvalidQuery(errors)
                : new CsvResult<TRow>(fileName, columns, rows.ToAsyncEnumerable(), (row, csv) => write(row, csv, links));
        };
}
