namespace ComputeDeals.Web.Features.DataCenters;

/// <summary>A data center as a list row, with the capacity in force on the given date.</summary>
public sealed record DataCenterRow(
    string Slug, string Name, string OperatorSlug, string OperatorName, string Location, FacilityStatus Status,
    Figure? CurrentPower, string? AcceleratorType, Figure? CurrentAccelerators, DateOnly? CapacityAsOf);

/// <summary>
/// Filters and sort of the data center list, as they appear in the query string of /datacenters,
/// /api/v1/datacenters and /api/v1/datacenters.csv: <see cref="Parse"/> reads them for all three and
/// <see cref="ToQuery"/> writes them back, so the page, its JSON and its CSV hold the same rows.
/// </summary>
public sealed record DataCenterListFilter(string? Text = null, string? Country = null, FacilityStatus? Status = null, string? Sort = null, string? Operator = null)
{

    public static readonly IReadOnlyList<string> Sorts = ["name", "operator", "power", "status"];

    public string SortKey => Sort is { } s && Sorts.Contains(s) ? s : "name";

    /// <summary>True when a filter (not the sort) narrows the rows: they are then not the whole list.</summary>
    public bool IsFiltered => Text is not null || Country is not null || Status is not null || Operator is not null;

    /// <summary>Reads the query values; each bad one is reported in <paramref name="errors"/> by name and left out.</summary>
    public static DataCenterListFilter Parse(string? q, string? country, string? status, string? sort, string? operatorSlug, Dictionary<string, string[]> errors) => new(
        QueryValues.Text("q", q, errors),
        QueryValues.Country("country", country, errors),
        QueryValues.Enum<FacilityStatus>("status", status, errors),
        QueryValues.OneOf("sort", sort, Sorts, errors),
        QueryValues.Slug("operator", operatorSlug, errors));

    /// <summary>The query values <see cref="Parse"/> reads back into this filter, with <paramref name="sort"/> instead of its own when given (the default sort left out).</summary>
    public (string Key, string? Value)[] ToQuery(string? sort = null) =>
    [
        ("q", Text), ("operator", Operator), ("country", Country), ("status", QueryValues.Name(Status)),
        ("sort", (sort ?? SortKey) is var key && key != "name" ? key : null),
    ];
}

/// <summary>Reads the data center list from the read model (no SQL).</summary>
public sealed class DataCenterListQuery(ReadModel.ReadModel readModel, TimeProvider time)
{
    public Task<IReadOnlyList<DataCenterRow>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(new DataCenterListFilter(), cancellationToken);

    public Task<IReadOnlyList<DataCenterRow>> ListAsync(DataCenterListFilter filter, CancellationToken cancellationToken = default) =>
        Task.FromResult(List(readModel.Current, filter, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));

    /// <summary>
    /// The public data centers (<see cref="Public"/>), narrowed by operator (slug), status, country and text
    /// (<see cref="SearchTexts"/>), with the capacity in force on <paramref name="today"/>, sorted by
    /// name (ordinal) or by operator, power or status.
    /// </summary>
    public static IReadOnlyList<DataCenterRow> List(ReadSnapshot snapshot, DataCenterListFilter filter, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(filter);
        IEnumerable<DataCenterRecord> centers = Public(snapshot);
        if (filter.Operator is { } operatorSlug)
        {
            centers = centers.Where(d => snapshot.Companies[d.OperatorId].Slug == operatorSlug);
        }

        if (filter.Status is { } status)
        {
            centers = centers.Where(d => d.Status == status);
        }

        centers = centers
            .InCountry(filter.Country, d => d.Country)
            .Containing(filter.Text, d => SearchTexts(snapshot, d));

        var rows = centers.Select(d =>
        {
            var row = CapacityAt(d, today);
            var op = snapshot.Companies[d.OperatorId];
            return new DataCenterRow(
                d.Slug, d.Name, op.Slug, op.Name, d.Location, d.Status,
                row?.Power, row?.AcceleratorType, row?.Accelerators, row?.EffectiveDate);
        });
        // Sorting by power uses the figure's sort key (Figure.SortKeyRule, as the deals' MW and value
        // sorts do: the high end, else the low end); undisclosed or unreported power sorts last, never as zero.
        return filter.SortKey switch
        {
            "operator" => [.. rows.OrderBy(r => r.OperatorName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)],
            "power" => [.. rows.OrderBy(r => r.CurrentPower?.SortKey is null).ThenByDescending(r => r.CurrentPower?.SortKey).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)],
            "status" => [.. rows.OrderBy(r => r.Status).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)],
            _ => [.. rows],
        };
    }

    /// <summary>
    /// The data centers anyone can see: not deleted and operated by a company that is not deleted (a
    /// data center of a deleted operator has no page), by name (ordinal). The list, the API and
    /// /search all start from these.
    /// </summary>
    public static IReadOnlyList<DataCenterRecord> Public(ReadSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Memo<IReadOnlyList<DataCenterRecord>>("datacenters/byname", s =>
            [.. s.Dataset.DataCenters.Where(d => s.Companies.ContainsKey(d.OperatorId)).OrderBy(d => d.Name, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The texts a data-center search matches (each contains the query, ignoring case): the name, the
    /// city, the region, the country code and the operator's name. The one rule behind
    /// /datacenters?q=, /api/v1/datacenters?q= (and its CSV) and the data centers of /search.
    /// </summary>
    public static IEnumerable<string?> SearchTexts(ReadSnapshot snapshot, DataCenterRecord center)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(center);
        return [center.Name, center.City, center.Region, center.Country, snapshot.Companies[center.OperatorId].Name];
    }

    /// <summary>The countries that data centers are in, for the filter's choices.</summary>
    public Task<IReadOnlyList<string>> CountriesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(readModel.Current.Memo<IReadOnlyList<string>>("datacenters/countries", s =>
            [.. Public(s).Select(d => d.Country).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]));

    /// <summary>The row in force at a date: <see cref="CapacityTimeline.At{T}"/>, the rule the pages and analytics use.</summary>
    public static CapacityRecord? CapacityAt(DataCenterRecord center, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(center);
        return CapacityTimeline.At(center.Capacity, date, r => r.EffectiveDate, r => r.Id);
    }
}
