using System.ComponentModel;
using ComputeDeals.Web.Features.Analytics;

namespace ComputeDeals.Web.Api;

/// <summary>JSON for the analytics under /api/v1/analytics: capacity positions, valuations, deal value per MW, quarterly totals.</summary>
public static class AnalyticsEndpoints
{
    private const string AsOfDescription = "As-of date, yyyy-MM-dd (default: today, UTC).";
    private const string RollupDescription = "true to roll subsidiaries up into their parent (xAI under SpaceX), false to show them separately (default).";
    private const string CompaniesDescription =
        "One to 12 company slugs separated by commas, e.g. xai,coreweave (default: xai,coreweave,anthropic, the /analytics page's comparison). "
        + "A company named twice counts once; an empty list, more than 12 companies or an unknown slug answers 400.";

    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/analytics")
            .WithTags("Analytics")
            .CacheOutput(ContentCache.Policy);

        group.MapGet("/capacity", ([Description(AsOfDescription)] string? asOf, [Description(RollupDescription)] string? rollup, AnalyticsQuery analytics, HttpRequest request, CancellationToken ct) =>
                AtDateAsync(analytics, request, asOf, rollup, async (query, links) => Cached(new CapacityResponse(
                    query.AsOf, query.RollUp, (await analytics.CapacityAsync(query.AsOf, query.RollUp, ct)).Select(p => CapacityPositionDto.From(p, withInputs: false, links)).ToList()))))
            .DescribeReport<CapacityResponse>("GetAnalyticsCapacity", "Capacity positions of every company",
                "Capacity positions (owned, contracted in and out, available MW and accelerators) of every company at a date.");

        group.MapGet("/capacity/{slug}", (string slug, [Description(AsOfDescription)] string? asOf, [Description(RollupDescription)] string? rollup, AnalyticsQuery analytics, HttpRequest request, CancellationToken ct) =>
                AtDateAsync(analytics, request, asOf, rollup, async (query, links) =>
                    await analytics.CompanyPositionAsync(slug, query.AsOf, query.RollUp, ct) is { } position
                        ? Cached(CapacityPositionDto.From(position, withInputs: true, links))
                        : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Company not found", detail: $"No company has the slug '{slug}'.")))
            .DescribeReport<CapacityPositionDto>("GetAnalyticsCompanyCapacity", "One company's capacity position",
                "One company's capacity position at a date, with the capacity rows and deals each number comes from.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/valuations", async Task<IResult> ([Description(CompaniesDescription)] string? companies, [Description(AsOfDescription)] string? asOf, [Description(RollupDescription)] string? rollup, AnalyticsQuery analytics, HttpRequest request, CancellationToken ct) =>
            {
                // The companies rule (ComparedCompanies) reads the raw parameter, where absent (the default comparison) and empty
                // (an error) differ; the bound string only describes the parameter in the OpenAPI document.
                var query = AnalyticsSettings.Read(analytics.Today, asOf, rollup);
                var errors = new Dictionary<string, string[]>(query.Errors, StringComparer.Ordinal);
                var compared = analytics.Compare(request.Query[ComparedCompanies.Parameter]);
                if (compared.Error is { } error)
                {
                    errors[ComparedCompanies.Parameter] = [error];
                }

                if (errors.Count > 0)
                {
                    return ApiProblems.InvalidQuery(errors);
                }

                var comparison = await analytics.ValuationsAsync(compared, query.AsOf, query.RollUp, ct);
                return Cached(ValuationsResponse.From(comparison, new ApiLinks(request)));
            })
            .DescribeReport<ValuationsResponse>("GetAnalyticsValuations", "Compare company valuations",
                "Valuations of one to 12 companies at a date, their ratios and valuation per available MW.");

        group.MapGet("/deal-value-per-mw", ([Description(AsOfDescription)] string? asOf, AnalyticsQuery analytics, HttpRequest request, CancellationToken ct) =>
                AtDateAsync(analytics, request, asOf, null, async (query, links) => Cached(new DealValueResponse(
                    query.AsOf, (await analytics.DealValuePerMwAsync(query.AsOf, ct)).Select(r => DealValueDto.From(r, links)).ToList()))))
            .DescribeReport<DealValueResponse>("GetAnalyticsDealValuePerMw", "Deal value per MW",
                "Value per MW and annualized value per MW of every announced or closed deal with MW, up to a date.");

        group.MapGet("/quarterly", ([Description(AsOfDescription)] string? asOf, AnalyticsQuery analytics, HttpRequest request, CancellationToken ct) =>
                AtDateAsync(analytics, request, asOf, null, async (query, links) => Cached(new QuarterlyResponse(
                    query.AsOf, (await analytics.QuarterlyAsync(query.AsOf, ct)).Select(q => QuarterDto.From(q, links)).ToList()))))
            .DescribeReport<QuarterlyResponse>("GetAnalyticsQuarterly", "Quarterly deal totals",
                "Deal value, MW and accelerators per quarter and deal type, up to a date.");

        return api;
    }

    /// <summary>Documents an analytics operation: it answers <typeparamref name="TResponse"/> or a validation problem, and its numbers are defined in docs/analytics.md.</summary>
    private static RouteHandlerBuilder DescribeReport<TResponse>(this RouteHandlerBuilder endpoint, string name, string summary, string description) =>
        endpoint.Describe(name, summary, description + " Each number is defined in docs/analytics.md.")
            .Produces<TResponse>()
            .ProducesValidationProblem();

    /// <summary>
    /// Answers a report at the request's as-of date and roll-up flag (<see cref="AnalyticsSettings"/>): a validation
    /// problem naming each bad value, otherwise what <paramref name="answer"/> gives, with links built from the request.
    /// </summary>
    private static async Task<IResult> AtDateAsync(
        AnalyticsQuery analytics, HttpRequest request, string? asOf, string? rollup, Func<AnalyticsSettings, ApiLinks, Task<IResult>> answer)
    {
        var settings = AnalyticsSettings.Read(analytics.Today, asOf, rollup);
        return settings.IsValid ? await answer(settings, new ApiLinks(request)) : ApiProblems.InvalidQuery(settings.Errors);
    }

    // Cached JSON with an ETag and Cache-Control, like every other group of the open-data API.
    private static CachedJson<T> Cached<T>(T value) => new(value);

    /// <summary>A range as JSON: its ends, the counts behind it and the text a reader sees.</summary>
    public sealed record RangeDto(double Low, double High, int Count, int UndisclosedCount, int OpenEndedCount, string Text)
    {
        public static RangeDto From(FigureRange range, string text) =>
            new(range.Low, range.High, range.Count, range.UndisclosedCount, range.OpenEndedCount, text);

        public static RangeDto From(FigureRange range, FigureUnit unit) => From(range, FigureFormatter.Format(range, unit));

        public static RangeDto? Quotient(FigureRange? range, string text) => range is null ? null : From(range, text);

        /// <summary>Owned or available capacity; null when the company's own sites are not tracked (see "coverage").</summary>
        public static RangeDto? Capacity(FigureRange? range, FigureUnit unit = FigureUnit.Megawatts) => range is null ? null : From(range, unit);
    }

    /// <summary>A company in the analytics, with its API and page links.</summary>
    public sealed record AnalyticsCompanyDto(string Slug, string Name, CompanyKind Kind, string Url, string Permalink)
    {
        public static AnalyticsCompanyDto From(CompanyRef c, ApiLinks links) =>
            new(c.Slug, c.Name, c.Kind, links.CompanyApi(c.Slug), links.CompanyPermalink(c.Slug));
    }

    private static SourceRefDto Source(SourceRef s) => new(null, s.Url, s.Title, s.Publisher, null);

    /// <summary>One input behind a number: a capacity row (of a data center) or a deal.</summary>
    public sealed record InputDto(
        ContributionKind Kind, string Slug, string Name, DateOnly Date, string Detail, string Text,
        [property: Description("The input's record in the API.")] string Url,
        [property: Description("The input's page on the website.")] string Permalink,
        IReadOnlyList<SourceRefDto> Sources)
    {
        public static InputDto From(Contribution c, ApiLinks links) => new(
            c.Kind, c.Slug, c.Name, c.Date, c.Detail, c.Text,
            c.Kind switch
            {
                ContributionKind.Deal => links.DealApi(c.Slug),
                ContributionKind.CapacityRow => links.DataCenterApi(c.Slug),
                _ => links.CompanyApi(c.Slug),
            },
            c.Kind switch
            {
                ContributionKind.Deal => links.DealPermalink(c.Slug),
                ContributionKind.CapacityRow => links.DataCenterPermalink(c.Slug),
                _ => links.CompanyPermalink(c.Slug),
            },
            c.Sources.Select(Source).ToList());
    }

    /// <summary>A range with the inputs it is the sum of (when asked for).</summary>
    public sealed record TracedRangeDto(double Low, double High, int Count, int UndisclosedCount, int OpenEndedCount, string Text, IReadOnlyList<InputDto>? Inputs)
    {
        public static TracedRangeDto From(TracedRange t, bool withInputs, ApiLinks links) => new(
            t.Range.Low, t.Range.High, t.Range.Count, t.Range.UndisclosedCount, t.Range.OpenEndedCount, t.Text,
            withInputs ? t.Inputs.Select(i => InputDto.From(i, links)).ToList() : null);
    }

    /// <summary>
    /// A capacity position. <c>coverage</c> says how completely the company's own data centers are tracked
    /// (complete, partial, notTracked); unless complete, ownedMw and availableMw are "at least" ranges, or
    /// null when nothing is proven (the text reads "not tracked"). Never a zero or a negative built on a gap.
    /// </summary>
    public sealed record CapacityPositionDto(
        AnalyticsCompanyDto Company,
        IReadOnlyList<string> Members,
        DateOnly AsOf,
        [property: Description("How completely the company's own data centers are tracked: complete, partial or notTracked.")] CapacityCoverage Coverage,
        [property: Description("Owned MW as a reader sees it: a range, \"at least ...\" or \"not tracked\".")] string OwnedText,
        [property: Description("Available MW as a reader sees it: a range, \"at least ...\" or \"not tracked\".")] string AvailableText,
        TracedRangeDto OwnedOperationalMw,
        TracedRangeDto OwnedPlannedMw,
        [property: Description("Null when the company's own data centers are not tracked.")] RangeDto? OwnedMw,
        TracedRangeDto ContractedInMw,
        TracedRangeDto ContractedOutMw,
        [property: Description("Null when the inputs prove nothing above zero (see coverage).")] RangeDto? AvailableMw,
        TracedRangeDto OwnedAccelerators,
        TracedRangeDto AcceleratorsIn,
        TracedRangeDto AcceleratorsOut,
        RangeDto? AvailableAccelerators)
    {
        public static CapacityPositionDto From(CapacityPosition p, bool withInputs, ApiLinks links) => new(
            AnalyticsCompanyDto.From(p.Company, links),
            p.Members.Select(m => m.Slug).ToList(),
            p.AsOf,
            p.Coverage,
            p.OwnedText,
            p.AvailableText,
            TracedRangeDto.From(p.OwnedOperational, withInputs, links),
            TracedRangeDto.From(p.OwnedPlanned, withInputs, links),
            RangeDto.Capacity(p.Owned),
            TracedRangeDto.From(p.ContractedIn, withInputs, links),
            TracedRangeDto.From(p.ContractedOut, withInputs, links),
            RangeDto.Capacity(p.Available),
            TracedRangeDto.From(p.OwnedAccelerators, withInputs, links),
            TracedRangeDto.From(p.AcceleratorsIn, withInputs, links),
            TracedRangeDto.From(p.AcceleratorsOut, withInputs, links),
            RangeDto.Capacity(p.AvailableAccelerators, FigureUnit.Count));
    }

    public sealed record CapacityResponse(DateOnly AsOf, bool RolledUp, IReadOnlyList<CapacityPositionDto> Positions);

    public sealed record AnalyticsValuationDto(DateOnly AsOf, RangeDto Amount, ValuationBasis Basis, SourceRefDto? Source);

    public sealed record CompanyValuationDto(AnalyticsCompanyDto Company, AnalyticsValuationDto? Valuation, CapacityCoverage Coverage, RangeDto? AvailableMw, RangeDto? ValuePerAvailableMw);

    public sealed record ValuationRatioDto(string Numerator, string Denominator, RangeDto? Ratio);

    public sealed record ValuationsResponse(DateOnly AsOf, bool RolledUp, IReadOnlyList<CompanyValuationDto> Companies, IReadOnlyList<ValuationRatioDto> Ratios)
    {
        public static ValuationsResponse From(ValuationComparison c, ApiLinks links) => new(
            c.AsOf,
            c.RolledUp,
            c.Companies.Select(v => new CompanyValuationDto(
                AnalyticsCompanyDto.From(v.Company, links),
                v.Valuation is { } val
                    ? new AnalyticsValuationDto(val.AsOf, RangeDto.From(val.Range, val.Text), val.Basis, val.Source is null ? null : Source(val.Source))
                    : null,
                v.Position.Coverage,
                RangeDto.Capacity(v.Position.Available),
                RangeDto.Quotient(v.ValuePerAvailableMw, AnalyticsText.PerMw(v.ValuePerAvailableMw)))).ToList(),
            c.Ratios.Select(r => new ValuationRatioDto(r.Numerator.Slug, r.Denominator.Slug, RangeDto.Quotient(r.Ratio, AnalyticsText.Ratio(r.Ratio)))).ToList());
    }

    /// <summary>A deal named by an analytics result, with its API and page links.</summary>
    public sealed record AnalyticsDealDto(string Slug, string Title, DealType Type, DealStatus Status, DateOnly AnnouncedOn, string Url, string Permalink)
    {
        public static AnalyticsDealDto From(DealRef d, ApiLinks links) =>
            new(d.Slug, d.Title, d.Type, d.Status, d.AnnouncedOn, links.DealApi(d.Slug), links.DealPermalink(d.Slug));
    }

    public sealed record DealValueDto(
        AnalyticsDealDto Deal,
        IReadOnlyList<PartyDto> Parties,
        [property: Description("The deal's value as the site writes it, with its period.")] string Value,
        ValuePeriod ValuePeriod,
        RangeDto Mw,
        RangeDto? Accelerators,
        double? TermMonths,
        RangeDto TotalValue,
        RangeDto AnnualValue,
        RangeDto? ValuePerMw,
        RangeDto? AnnualValuePerMw,
        IReadOnlyList<SourceRefDto> Sources)
    {
        public static DealValueDto From(DealValueRow r, ApiLinks links) => new(
            AnalyticsDealDto.From(r.Deal, links),
            r.Parties.Select(p => PartyDto.Of(p.Company.Slug, p.Company.Name, p.Role, links)).ToList(),
            FigureFormatter.FormatDealValue(r.Value, r.ValuePeriod),
            r.ValuePeriod,
            RangeDto.From(r.Mw, FigureUnit.Megawatts),
            r.Accelerators is null ? null : RangeDto.From(r.Accelerators, FigureUnit.Count),
            r.TermMonths,
            RangeDto.From(r.TotalValue, FigureUnit.Usd),
            RangeDto.From(r.AnnualValue, FigureUnit.Usd),
            RangeDto.Quotient(r.ValuePerMw, AnalyticsText.PerMw(r.ValuePerMw)),
            RangeDto.Quotient(r.AnnualValuePerMw, AnalyticsText.PerMwYear(r.AnnualValuePerMw)),
            r.Sources.Select(Source).ToList());
    }

    public sealed record DealValueResponse(DateOnly AsOf, IReadOnlyList<DealValueDto> Deals);

    public sealed record QuarterDto(string Quarter, int Year, int QuarterOfYear, DealType Type, int DealCount, RangeDto Value, RangeDto Mw, RangeDto Accelerators, IReadOnlyList<AnalyticsDealDto> Deals)
    {
        public static QuarterDto From(QuarterlyTotal q, ApiLinks links) => new(
            q.Label, q.Quarter.Year, q.Quarter.Quarter, q.Type, q.DealCount,
            RangeDto.From(q.Value, FigureUnit.Usd), RangeDto.From(q.Mw, FigureUnit.Megawatts), RangeDto.From(q.Accelerators, FigureUnit.Count),
            q.Deals.Select(d => AnalyticsDealDto.From(d, links)).ToList());
    }

    public sealed record QuarterlyResponse(DateOnly AsOf, IReadOnlyList<QuarterDto> Quarters);
}
