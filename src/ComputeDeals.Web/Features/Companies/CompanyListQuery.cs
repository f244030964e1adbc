namespace ComputeDeals.Web.Features.Companies;

/// <summary>A company as the list and the CSV export show it; <see cref="Coverage"/> says how completely its own data centers are tracked.</summary>
public sealed record CompanyRow(string Slug, string Name, CompanyKind Kind, string? Country, string? ParentName, string? ParentSlug, int DealCount, int DataCenterCount, CapacityCoverage Coverage = CapacityCoverage.NotTracked);

/// <summary>
/// Filters and sort of the company list, as they appear in the query string of /companies,
/// /api/v1/companies and /api/v1/companies.csv: <see cref="Parse"/> reads them for all three and
/// <see cref="ToQuery"/> writes them back, so the page, its JSON and its CSV hold the same rows.
/// </summary>
public sealed record CompanyListFilter(string? Text = null, CompanyKind? Kind = null, string? Country = null, string? Sort = null)
{

    public static readonly IReadOnlyList<string> Sorts = ["name", "deals", "datacenters", "country"];

    public string SortKey => Sort is { } s && Sorts.Contains(s) ? s : "name";

    /// <summary>True when a filter (not the sort) narrows the rows: they are then not the whole list.</summary>
    public bool IsFiltered => Text is not null || Kind is not null || Country is not null;

    /// <summary>Reads the query values; each bad one is reported in <paramref name="errors"/> by name and left out.</summary>
    public static CompanyListFilter Parse(string? q, string? kind, string? country, string? sort, Dictionary<string, string[]> errors) => new(
        QueryValues.Text("q", q, errors),
        QueryValues.Enum<CompanyKind>("kind", kind, errors),
        QueryValues.Country("country", country, errors),
        QueryValues.OneOf("sort", sort, Sorts, errors));

    /// <summary>The query values <see cref="Parse"/> reads back into this filter, with <paramref name="sort"/> instead of its own when given (the default sort left out).</summary>
    public (string Key, string? Value)[] ToQuery(string? sort = null) =>
        [("q", Text), ("kind", QueryValues.Name(Kind)), ("country", Country), ("sort", (sort ?? SortKey) is var key && key != "name" ? key : null)];
}

/// <summary>Reads the company list from the read model (no SQL).</summary>
public sealed class CompanyListQuery(ReadModel.ReadModel readModel)
{
    public Task<IReadOnlyList<CompanyRow>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(new CompanyListFilter(), cancellationToken);

    public Task<IReadOnlyList<CompanyRow>> ListAsync(CompanyListFilter filter, CancellationToken cancellationToken = default) =>
        Task.FromResult(List(readModel.Current, filter));

    /// <summary>
    /// Companies that are not deleted, narrowed by kind, country and text (<see cref="SearchTexts"/>),
    /// sorted by name (ordinal) or by deal count, data center count or country, then name.
    /// </summary>
    public static IReadOnlyList<CompanyRow> List(ReadSnapshot snapshot, CompanyListFilter filter)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(filter);
        IEnumerable<CompanyRow> rows = snapshot.Memo("companies/rows", Rows);
        if (filter.Kind is { } kind)
        {
            rows = rows.Where(r => r.Kind == kind);
        }

        rows = rows
            .InCountry(filter.Country, r => r.Country)
            .Containing(filter.Text, r => SearchTexts(snapshot.CompaniesBySlug[r.Slug]));

        return filter.SortKey switch
        {
            "deals" => [.. rows.OrderByDescending(r => r.DealCount).ThenBy(r => r.Name, StringComparer.Ordinal)],
            "datacenters" => [.. rows.OrderByDescending(r => r.DataCenterCount).ThenBy(r => r.Name, StringComparer.Ordinal)],
            "country" => [.. rows.OrderBy(r => r.Country, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)],
            _ => [.. rows],
        };
    }

    /// <summary>
    /// The texts a company search matches (each contains the query, ignoring case): the name and every
    /// alias. The one rule behind /companies?q=, /api/v1/companies?q= (and its CSV) and the companies of /search.
    /// </summary>
    public static IEnumerable<string> SearchTexts(CompanyRecord company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return company.Aliases.Prepend(company.Name);
    }

    /// <summary>The countries that companies are in, for the filter's choices.</summary>
    public Task<IReadOnlyList<string>> CountriesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(readModel.Current.Memo<IReadOnlyList<string>>("companies/countries", s =>
            [.. s.Dataset.Companies.Select(c => c.Country).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]));

    /// <summary>Every company as a row, by name: built once per snapshot.</summary>
    private static CompanyRow[] Rows(ReadSnapshot snapshot) =>
    [
        .. snapshot.Dataset.Companies
            .Select(c =>
            {
                var parent = c.ParentId is { } id && snapshot.Companies.TryGetValue(id, out var p) ? p : null;
                return new CompanyRow(
                    c.Slug, c.Name, c.Kind, c.Country, parent?.Name, parent?.Slug,
                    snapshot.DealsByCompany.TryGetValue(c.Id, out var deals) ? deals.Length : 0,
                    snapshot.DataCentersByOperator.TryGetValue(c.Id, out var centers) ? centers.Count : 0,
                    c.Coverage);
            })
            .OrderBy(r => r.Name, StringComparer.Ordinal),
    ];
}
