using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using ComputeDeals.Core.Analytics;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Features.Analytics;
using ComputeDeals.Web.Hosting;

namespace ComputeDeals.Web.Api;

/// <summary>JSON for the analytics under /api/v1/analytics: capacity positions, valuations, deal value per MW, quarterly totals.</summary>
public static class AnalyticsEndpoints
{
    private const string AsOfDescription = "As-of date, yyyy-MM-dd (default: today, UTC).";
    private const string RollupDescription = "true to roll subsidiaries up into their parent (xAI under SpaceX), false to show them separately (default).";
    private const string CompaniesDescription = "Two or more company slugs separated by commas, e.g. xai,coreweave.";

    public const int MaxCompared = 12;

    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/analytics")
            .WithTags("Analytics")
            .CacheOutput(ContentCache.Policy);

        group.MapGet("/capacity", async ([Description(AsOfDescription)] string? asOf, [Description(RollupDescription)] string? rollup, AnalyticsService analytics, CancellationToken ct) =>
            {
                if (Validate(analytics, asOf, rollup) is not { } query)
                {
                    return Problem(asOf, rollup);
                }

                var positions = await analytics.CapacityAsync(query.AsOf, query.RollUp, ct);
                return Cached(new CapacityResponse(query.AsOf, query.RollUp, positions.Select(p => PositionJson.From(p, withInputs: false)).ToList()));
            })
            .WithName("GetAnalyticsCapacity")
            .WithSummary("Capacity positions (owned, contracted in and out, available MW and accelerators) of every company at a date.")
            .Produces<CapacityResponse>()
            .ProducesValidationProblem();

        group.MapGet("/capacity/{slug}", async (string slug, [Description(AsOfDescription)] string? asOf, [Description(RollupDescription)] string? rollup, AnalyticsService analytics, CancellationToken ct) =>
            {
                if (Validate(analytics, asOf, rollup) is not { } query)
                {
                    return Problem(asOf, rollup);
                }

                var position = await analytics.CompanyPositionAsync(slug, query.AsOf, query.RollUp, ct);
                return position is null
                    ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Company not found", detail: $"No company has the slug '{slug}'.")
                    : Cached(PositionJson.From(position, withInputs: true));
            })
            .WithName("GetAnalyticsCompanyCapacity")
            .WithSummary("One company's capacity position at a date, with the capacity rows and deals each number comes from.")
            .Produces<PositionJson>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/valuations", async ([Description(CompaniesDescription)] string? companies, [Description(AsOfDescription)] string? asOf, [Description(RollupDescription)] string? rollup, AnalyticsService analytics, CancellationToken ct) =>
            {
                var errors = Errors(analytics, asOf, rollup, out var query);
                var slugs = (companies ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (slugs.Length < 2)
                {
                    errors["companies"] = ["Name at least two company slugs separated by commas, such as companies=xai,coreweave."];
                }
                else if (slugs.Length > MaxCompared)
                {
                    errors["companies"] = [$"Compare at most {MaxCompared} companies at a time."];
                }

                if (errors.Count > 0)
                {
                    return Results.ValidationProblem(errors);
                }

                var comparison = await analytics.ValuationsAsync(slugs, query.AsOf, query.RollUp, ct);
                var unknown = slugs.Where(s => !comparison.Companies.Any(c => string.Equals(c.Company.Slug, s, StringComparison.OrdinalIgnoreCase))).ToList();
                if (unknown.Count > 0)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["companies"] = [$"Unknown company slug: {string.Join(", ", unknown)}."],
                    });
                }

                return Cached(ValuationsResponse.From(comparison));
            })
            .WithName("GetAnalyticsValuations")
            .WithSummary("Valuations of two or more companies at a date, their ratios and valuation per available MW.")
            .Produces<ValuationsResponse>()
            .ProducesValidationProblem();

        group.MapGet("/deal-value-per-mw", async ([Description(AsOfDescription)] string? asOf, AnalyticsService analytics, CancellationToken ct) =>
            {
                if (Validate(analytics, asOf, null) is not { } query)
                {
                    return Problem(asOf, null);
                }

                var rows = await analytics.DealValuePerMwAsync(query.AsOf, ct);
                return Cached(new DealValueResponse(query.AsOf, rows.Select(DealValueJson.From).ToList()));
            })
            .WithName("GetAnalyticsDealValuePerMw")
            .WithSummary("Value per MW and annualized value per MW of every announced or closed deal with MW, up to a date.")
            .Produces<DealValueResponse>()
            .ProducesValidationProblem();

        group.MapGet("/quarterly", async ([Description(AsOfDescription)] string? asOf, AnalyticsService analytics, CancellationToken ct) =>
            {
                if (Validate(analytics, asOf, null) is not { } query)
                {
                    return Problem(asOf, null);
                }

                var quarters = await analytics.QuarterlyAsync(query.AsOf, ct);
                return Cached(new QuarterlyResponse(query.AsOf, quarters.Select(QuarterJson.From).ToList()));
            })
            .WithName("GetAnalyticsQuarterly")
            .WithSummary("Deal value, MW and accelerators per quarter and deal type, up to a date.")
            .Produces<QuarterlyResponse>()
            .ProducesValidationProblem();

        return api;
    }

    /// <summary>Reads an as-of date written as YYYY-MM-DD.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Reads a roll-up flag: true/false, 1/0 or absent (false).</summary>
    public static bool? ParseFlag(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => null,
    };

    private sealed record Query(DateOnly AsOf, bool RollUp);

    private static Query? Validate(AnalyticsService analytics, [Description(AsOfDescription)] string? asOf, string? rollup) =>
        Errors(analytics, asOf, rollup, out var query).Count == 0 ? query : null;

    private static IResult Problem([Description(AsOfDescription)] string? asOf, string? rollup) =>
        Results.ValidationProblem(Errors(null, asOf, rollup, out _));

    private static Dictionary<string, string[]> Errors(AnalyticsService? analytics, [Description(AsOfDescription)] string? asOf, [Description(RollupDescription)] string? rollup, out Query query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var date = analytics?.Today ?? default;
        if (!string.IsNullOrEmpty(asOf) && !TryParseDate(asOf, out date))
        {
            errors["asOf"] = [$"'{asOf}' is not a date: use YYYY-MM-DD, such as 2026-06-01."];
        }

        var flag = ParseFlag(rollup);
        if (flag is null)
        {
            errors["rollup"] = [$"'{rollup}' is not a flag: use true or false."];
        }

        query = new Query(date, flag ?? false);
        return errors;
    }

    // Cached JSON with an ETag and Cache-Control, like every other group of the open-data API.
    private static CachedJson<T> Cached<T>(T value) => new(value);

    private static string EnumName<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>A range as JSON: its ends, the counts behind it and the text a reader sees.</summary>
    public sealed record RangeJson(double Low, double High, int Count, int UndisclosedCount, int OpenEndedCount, string Text)
    {
        public static RangeJson From(FigureRange range, string text) =>
            new(range.Low, range.High, range.Count, range.UndisclosedCount, range.OpenEndedCount, text);

        public static RangeJson From(FigureRange range, FigureUnit unit) => From(range, FigureFormatter.Format(range, unit));

        public static RangeJson? Quotient(FigureRange? range, string text) => range is null ? null : From(range, text);

        /// <summary>Owned or available capacity; null when the company's own sites are not tracked (see "coverage").</summary>
        public static RangeJson? Capacity(FigureRange? range, FigureUnit unit = FigureUnit.Megawatts) => range is null ? null : From(range, unit);
    }

    public sealed record CompanyJson(string Slug, string Name, string Kind)
    {
        public static CompanyJson From(ComputeDeals.Core.Analytics.CompanyRef c) => new(c.Slug, c.Name, EnumName(c.Kind));
    }

    public sealed record SourceJson(string Title, string Url, string? Publisher)
    {
        public static SourceJson From(SourceRef s) => new(s.Title, s.Url, s.Publisher);
    }

    /// <summary>One input behind a number: a capacity row (of a data center) or a deal.</summary>
    public sealed record InputJson(string Kind, string Slug, string Name, DateOnly Date, string Detail, string Text, string Url, IReadOnlyList<SourceJson> Sources)
    {
        public static InputJson From(Contribution c) => new(
            EnumName(c.Kind), c.Slug, c.Name, c.Date, c.Detail, c.Text,
            c.Kind == ContributionKind.Deal ? $"/deals/{c.Slug}" : c.Kind == ContributionKind.CapacityRow ? $"/datacenters/{c.Slug}" : $"/companies/{c.Slug}",
            c.Sources.Select(SourceJson.From).ToList());
    }

    public sealed record TracedJson(double Low, double High, int Count, int UndisclosedCount, int OpenEndedCount, string Text, IReadOnlyList<InputJson>? Inputs)
    {
        public static TracedJson From(TracedRange t, bool withInputs) => new(
            t.Range.Low, t.Range.High, t.Range.Count, t.Range.UndisclosedCount, t.Range.OpenEndedCount, t.Text,
            withInputs ? t.Inputs.Select(InputJson.From).ToList() : null);
    }

    /// <summary>
    /// A capacity position. <c>coverage</c> says how completely the company's own data centers are tracked
    /// (complete, partial, notTracked); unless complete, ownedMw and availableMw are "at least" ranges, or
    /// null when nothing is proven (the text reads "not tracked"). Never a zero or a negative built on a gap.
    /// </summary>
    public sealed record PositionJson(
        CompanyJson Company,
        IReadOnlyList<string> Members,
        DateOnly AsOf,
        string Coverage,
        string OwnedText,
        string AvailableText,
        TracedJson OwnedOperationalMw,
        TracedJson OwnedPlannedMw,
        RangeJson? OwnedMw,
        TracedJson ContractedInMw,
        TracedJson ContractedOutMw,
        RangeJson? AvailableMw,
        TracedJson OwnedAccelerators,
        TracedJson AcceleratorsIn,
        TracedJson AcceleratorsOut,
        RangeJson? AvailableAccelerators)
    {
        public static PositionJson From(CapacityPosition p, bool withInputs) => new(
            CompanyJson.From(p.Company),
            p.Members.Select(m => m.Slug).ToList(),
            p.AsOf,
            EnumName(p.Coverage),
            AnalyticsText.Capacity(p.Owned),
            AnalyticsText.Capacity(p.Available),
            TracedJson.From(p.OwnedOperational, withInputs),
            TracedJson.From(p.OwnedPlanned, withInputs),
            RangeJson.Capacity(p.Owned),
            TracedJson.From(p.ContractedIn, withInputs),
            TracedJson.From(p.ContractedOut, withInputs),
            RangeJson.Capacity(p.Available),
            TracedJson.From(p.OwnedAccelerators, withInputs),
            TracedJson.From(p.AcceleratorsIn, withInputs),
            TracedJson.From(p.AcceleratorsOut, withInputs),
            RangeJson.Capacity(p.AvailableAccelerators, FigureUnit.Count));
    }

    public sealed record CapacityResponse(DateOnly AsOf, bool RolledUp, IReadOnlyList<PositionJson> Positions);

    public sealed record ValuationJson(DateOnly AsOf, RangeJson Amount, string Basis, SourceJson? Source);

    public sealed record CompanyValuationJson(CompanyJson Company, ValuationJson? Valuation, string Coverage, RangeJson? AvailableMw, RangeJson? ValuePerAvailableMw);

    public sealed record RatioJson(string Numerator, string Denominator, RangeJson? Ratio);

    public sealed record ValuationsResponse(DateOnly AsOf, bool RolledUp, IReadOnlyList<CompanyValuationJson> Companies, IReadOnlyList<RatioJson> Ratios)
    {
        public static ValuationsResponse From(ValuationComparison c) => new(
            c.AsOf,
            c.RolledUp,
            c.Companies.Select(v => new CompanyValuationJson(
                CompanyJson.From(v.Company),
                v.Valuation is { } val
                    ? new ValuationJson(val.AsOf, RangeJson.From(val.Range, val.Text), EnumName(val.Basis), val.Source is null ? null : SourceJson.From(val.Source))
                    : null,
                EnumName(v.Position.Coverage),
                RangeJson.Capacity(v.Position.Available),
                RangeJson.Quotient(v.ValuePerAvailableMw, AnalyticsText.PerMw(v.ValuePerAvailableMw)))).ToList(),
            c.Ratios.Select(r => new RatioJson(r.Numerator.Slug, r.Denominator.Slug, RangeJson.Quotient(r.Ratio, AnalyticsText.Ratio(r.Ratio)))).ToList());
    }

    public sealed record DealJson(string Slug, string Title, string Type, string Status, DateOnly AnnouncedOn, string Url);

    public sealed record DealValueJson(
        DealJson Deal,
        IReadOnlyList<string> Parties,
        string Value,
        string ValuePeriod,
        RangeJson Mw,
        RangeJson? Accelerators,
        double? TermMonths,
        RangeJson TotalValue,
        RangeJson AnnualValue,
        RangeJson? ValuePerMw,
        RangeJson? AnnualValuePerMw,
        IReadOnlyList<SourceJson> Sources)
    {
        public static DealValueJson From(DealValueRow r) => new(
            DealOf(r.Deal),
            r.Parties.Select(p => $"{p.Company.Slug}:{EnumName(p.Role)}").ToList(),
            FigureFormatter.FormatDealValue(r.Value, r.ValuePeriod),
            EnumName(r.ValuePeriod),
            RangeJson.From(r.Mw, FigureUnit.Megawatts),
            r.Accelerators is null ? null : RangeJson.From(r.Accelerators, FigureUnit.Count),
            r.TermMonths,
            RangeJson.From(r.TotalValue, FigureUnit.Usd),
            RangeJson.From(r.AnnualValue, FigureUnit.Usd),
            RangeJson.Quotient(r.ValuePerMw, AnalyticsText.PerMw(r.ValuePerMw)),
            RangeJson.Quotient(r.AnnualValuePerMw, AnalyticsText.PerMwYear(r.AnnualValuePerMw)),
            r.Sources.Select(SourceJson.From).ToList());
    }

    public sealed record DealValueResponse(DateOnly AsOf, IReadOnlyList<DealValueJson> Deals);

    public sealed record QuarterJson(string Quarter, int Year, int QuarterOfYear, string Type, int DealCount, RangeJson Value, RangeJson Mw, RangeJson Accelerators, IReadOnlyList<DealJson> Deals)
    {
        public static QuarterJson From(QuarterlyTotal q) => new(
            q.Label, q.Quarter.Year, q.Quarter.Quarter, EnumName(q.Type), q.DealCount,
            RangeJson.From(q.Value, FigureUnit.Usd), RangeJson.From(q.Mw, FigureUnit.Megawatts), RangeJson.From(q.Accelerators, FigureUnit.Count),
            q.Deals.Select(DealOf).ToList());
    }

    public sealed record QuarterlyResponse(DateOnly AsOf, IReadOnlyList<QuarterJson> Quarters);

    private static DealJson DealOf(DealRef d) => new(d.Slug, d.Title, EnumName(d.Type), EnumName(d.Status), d.AnnouncedOn, $"/deals/{d.Slug}");
}
