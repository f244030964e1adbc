using System.ComponentModel;

namespace ComputeDeals.Web.Api;

/// <summary>A number with its qualifier: low/high in base units (US dollars, MW or a count).</summary>
[Description("A reported number: [low, high] in base units (US dollars, MW or a count) with how it relates to the truth.")]
public sealed record FigureDto(
    [property: Description("Lower bound, or null (undisclosed, or 'up to' with no floor).")] double? Low,
    [property: Description("Upper bound, or null (undisclosed, or 'at least').")] double? High,
    FigureQualifier Qualifier,
    FigureBasis Basis,
    [property: Description("Free text that qualifies the figure, such as 'reports differ'.")] string? Note,
    [property: Description("The figure as the site writes it, e.g. 'up to $40B', '~300 MW', 'undisclosed'.")] string Text,
    [property: Description("Sources that support this figure (null in list rows: see the entity itself).")] IReadOnlyList<SourceRefDto>? Sources)
{
    public static FigureDto From(Figure figure, FigureUnit unit, IReadOnlyList<SourceRefDto>? sources = null) => new(
        figure.IsDisclosed ? figure.Low : null,
        figure.IsDisclosed ? figure.High : null,
        figure.IsDisclosed ? figure.Qualifier : FigureQualifier.Undisclosed,
        figure.Basis,
        figure.Note,
        FigureFormatter.Format(figure, unit),
        sources);

    /// <summary>A deal value: its text carries the period ("~$3–15B/year").</summary>
    public static FigureDto FromValue(Figure figure, ValuePeriod period, IReadOnlyList<SourceRefDto>? sources = null) =>
        From(figure, FigureUnit.Usd, sources) with { Text = FigureFormatter.FormatDealValue(figure, period) };

    public static FigureDto? FromOptional(Figure? figure, FigureUnit unit, IReadOnlyList<SourceRefDto>? sources = null) =>
        figure is null ? null : From(figure, unit, sources);
}

/// <summary>A source cited for a figure.</summary>
public sealed record SourceRefDto(
    [property: Description("Footnote number on the deal page, when cited by a deal.")] int? Ordinal,
    string Url,
    string Title,
    string? Publisher,
    DateOnly? PublishedOn)
{
    /// <summary>The one source a capacity row or a valuation cites (no footnote number), or none when it cites none.</summary>
    public static IReadOnlyList<SourceRefDto> Cited(ReadSnapshot snapshot, int? sourceId) =>
        sourceId is { } id && snapshot.Sources.TryGetValue(id, out var s)
            ? [new SourceRefDto(null, s.Url, s.Title, s.Publisher, s.PublishedOn)]
            : [];
}

/// <summary>Links of a paged list.</summary>
public sealed record PageLinksDto(
    [property: Description("This page.")] string Self,
    [property: Description("The next page, or null on the last page.")] string? Next,
    [property: Description("The previous page, or null on the first page.")] string? Prev,
    [property: Description("The same rows on the website.")] string Html);

/// <summary>A company's part in a deal.</summary>
public sealed record PartyDto(string Slug, string Name, PartyRole Role, string Url, string Permalink)
{
    /// <summary>The party with its company's API and page links: how every deal shape of the API names a party.</summary>
    public static PartyDto Of(string slug, string name, PartyRole role, ApiLinks links) =>
        new(slug, name, role, links.CompanyApi(slug), links.CompanyPermalink(slug));
}

/// <summary>One page of deals matching the filters.</summary>
public sealed record DealListResponse(
    IReadOnlyList<DealListItemDto> Items,
    [property: Description("Number of deals matching the filters, over all pages.")] int Total,
    int Page,
    int PageSize,
    int PageCount,
    [property: Description("How many matching deals have an undisclosed value (never counted as zero).")] int UndisclosedValueCount,
    PageLinksDto Links);

/// <summary>A deal as a list row.</summary>
public sealed record DealListItemDto(
    string Slug,
    string Title,
    DateOnly AnnouncedOn,
    DatePrecision AnnouncedPrecision,
    [property: Description("The date as precisely as it is known: '6 May 2026', 'May 2026', '2026'.")] string AnnouncedText,
    DealType Type,
    DealStatus Status,
    IReadOnlyList<PartyDto> Parties,
    [property: Description("Value in US dollars for valuePeriod.")] FigureDto Value,
    ValuePeriod ValuePeriod,
    [property: Description("Capacity in MW, or null when the deal moves no capacity.")] FigureDto? Capacity,
    [property: Description("Markdown summary.")] string? Summary,
    string Url,
    [property: Description("The deal's HTML page.")] string Permalink);

/// <summary>A data center a deal involves.</summary>
public sealed record DealDataCenterDto(string Slug, string Name, [property: Description("MW share of the site the deal covers, when known.")] FigureDto? Share, string Url, string Permalink);

/// <summary>The term of a deal.</summary>
public sealed record TermDto(DateOnly? Start, DateOnly? End, int? Months, [property: Description("End date, or start plus months.")] DateOnly? EffectiveEnd);

/// <summary>A source cited by a deal, in footnote order, with the figures it supports.</summary>
public sealed record DealSourceDto(
    int Ordinal,
    string Url,
    string Title,
    string? Publisher,
    DateOnly? PublishedOn,
    [property: Description("Figures this source supports: value, capacity, accelerators (empty: the deal in general).")] IReadOnlyList<string> Supports);

/// <summary>Everything published about one deal.</summary>
public sealed record DealDetailDto(
    string Slug,
    string Title,
    DateOnly AnnouncedOn,
    DatePrecision AnnouncedPrecision,
    string AnnouncedText,
    DealType Type,
    DealStatus Status,
    IReadOnlyList<PartyDto> Parties,
    IReadOnlyList<DealDataCenterDto> DataCenters,
    FigureDto Value,
    ValuePeriod ValuePeriod,
    FigureDto? Capacity,
    FigureDto? Accelerators,
    TermDto Term,
    string? Summary,
    IReadOnlyList<DealSourceDto> Sources,
    DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt,
    string Url,
    string Permalink);

/// <summary>A plain list with its count (lists small enough to need no paging).</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, int Total, [property: Description("The same rows on the website, when there is such a page.")] string? Html);

/// <summary>Answers the plain lists of the API.</summary>
public static class ListResponse
{
    /// <summary>A whole list as cached JSON: its total is its length; <paramref name="html"/> is the website's page of the same rows, if any.</summary>
    public static CachedJson<ListResponse<T>> Of<T>(IReadOnlyList<T> items, string? html = null) => new(new(items, items.Count, html));

    /// <summary>The rows of a list query (the website's list for the same filters), each as its DTO; or the bad parameters as a problem.</summary>
    public static Results<CachedJson<ListResponse<TDto>>, ValidationProblem> Of<TRow, TDto>(
        (IReadOnlyList<TRow>? Rows, Dictionary<string, string[]> Errors) query, string? html, Func<TRow, TDto> toDto) =>
        query.Rows is { } rows ? Of(rows.Select(toDto).ToList(), html) : ApiProblems.InvalidQuery(query.Errors);
}

/// <summary>A reference to a company.</summary>
public sealed record CompanyRefDto(string Slug, string Name, string Url, string Permalink);

/// <summary>A company as a list row.</summary>
public sealed record CompanyListItemDto(
    string Slug,
    string Name,
    CompanyKind Kind,
    [property: Description("ISO 3166-1 alpha-2 country code.")] string? Country,
    CompanyRefDto? Parent,
    [property: Description("Published deals the company is a party to.")] int DealCount,
    [property: Description("Data centers the company operates.")] int DataCenterCount,
    string Url,
    string Permalink);

/// <summary>A reference to a data center.</summary>
public sealed record DataCenterRefDto(string Slug, string Name, string Url, string Permalink);

/// <summary>Everything published about one company.</summary>
public sealed record CompanyDetailDto(
    string Slug,
    string Name,
    CompanyKind Kind,
    [property: Description("How completely the data centers it owns or operates are tracked: complete, partial or notTracked. Unless complete, its owned and available MW are \"at least\" a floor or not known, never zero.")] CapacityCoverage Coverage,
    string? Country,
    string? Website,
    [property: Description("Markdown description.")] string? Description,
    IReadOnlyList<string> Aliases,
    CompanyRefDto? Parent,
    [property: Description("When the parent relationship took effect.")] DateOnly? ParentSince,
    IReadOnlyList<CompanyRefDto> Subsidiaries,
    IReadOnlyList<DataCenterRefDto> DataCenters,
    [property: Description("The company's deals in the API (/api/v1/deals?company=slug).")] string Deals,
    [property: Description("The company's valuations in the API.")] string Valuations,
    DateTimeOffset UpdatedAt,
    string Url,
    string Permalink);

/// <summary>A data center as a list row, with the capacity in force today.</summary>
public sealed record DataCenterListItemDto(
    string Slug,
    string Name,
    CompanyRefDto Operator,
    string Location,
    FacilityStatus Status,
    [property: Description("Power in MW of the latest capacity row on or before today.")] FigureDto? Power,
    string? AcceleratorType,
    FigureDto? Accelerators,
    [property: Description("Effective date of that capacity row.")] DateOnly? CapacityAsOf,
    string Url,
    string Permalink);

/// <summary>One dated row of a data center's capacity timeline.</summary>
public sealed record CapacityRowDto(
    DateOnly EffectiveDate,
    DatePrecision Precision,
    FacilityStatus Status,
    [property: Description("Power in MW.")] FigureDto Power,
    string? AcceleratorType,
    FigureDto? Accelerators);

/// <summary>Everything published about one data center.</summary>
public sealed record DataCenterDetailDto(
    string Slug,
    string Name,
    CompanyRefDto Operator,
    [property: Description("\"City, Region, Country\" with blank parts left out, as the list and the pages write it.")] string Location,
    string? City,
    string? Region,
    string? Country,
    double? Latitude,
    double? Longitude,
    FacilityStatus Status,
    string? Description,
    [property: Description("Dated capacity rows, oldest first; the capacity at a date is the latest row on or before it.")] IReadOnlyList<CapacityRowDto> Capacity,
    DateTimeOffset UpdatedAt,
    string Url,
    string Permalink);

/// <summary>What a company was worth at a date.</summary>
public sealed record ValuationDto(CompanyRefDto Company, DateOnly AsOf, [property: Description("Amount in US dollars.")] FigureDto Amount, ValuationBasis Basis);

/// <summary>A published report cited by a deal, a valuation or a capacity row.</summary>
public sealed record SourceDto(int Id, string Url, string Title, string? Publisher, DateOnly? PublishedOn);
