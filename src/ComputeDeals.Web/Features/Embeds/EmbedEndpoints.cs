using ComputeDeals.Web.Features.Analytics;
using ComputeDeals.Web.Features.Deals.Permalink;

namespace ComputeDeals.Web.Features.Embeds;

/// <summary>
/// /embed/*: cards and charts rendered as whole, minimal documents (no app layout, no Blazor
/// script, so no circuit), output-cached per URL, and the only responses other sites may frame.
/// Data comes from the same public query services as the pages.
/// </summary>
public static class EmbedEndpoints
{
    /// <summary>Latest deals listed on a company card.</summary>
    public const int CompanyDealCount = 5;

    public static WebApplication MapEmbeds(this WebApplication app)
    {
        var group = app.MapGroup("/embed").ExcludeFromDescription().CacheOutput(ContentCache.Policy);
        group.MapGet("/deals/{slug}", DealAsync);
        group.MapGet("/companies/{slug}", CompanyAsync);
        group.MapGet("/datacenters/{slug}", DataCenterAsync);
        group.MapGet("/charts/{name}", ChartAsync);
        return app;
    }

    /// <summary>True for theme=dark; anything else is the light theme.</summary>
    public static bool IsDark(HttpRequest request) =>
        string.Equals(request?.Query["theme"].ToString(), "dark", StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> DealAsync(string slug, HttpRequest request, DealPermalinkQuery deals, CancellationToken cancellationToken)
    {
        var links = new ApiLinks(request);
        var deal = await deals.FindAsync(slug, cancellationToken);
        return deal is null
            ? NotFound(request, $"No published deal has the address “{slug}”.")
            : new RazorComponentResult<EmbedDealCard>(new { Deal = deal, PageUrl = links.DealPermalink(deal.Slug), Dark = IsDark(request) });
    }

    private static async Task<IResult> CompanyAsync(
        string slug, HttpRequest request, CompanyProfileQuery companies, AnalyticsQuery analytics, DealListQuery deals,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var links = new ApiLinks(request);
        var profile = await companies.FindAsync(slug, cancellationToken);
        if (profile is null)
        {
            return NotFound(request, $"No company has the address “{slug}”.");
        }

        var asOf = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var position = await analytics.CompanyPositionAsync(profile.Company.Slug, asOf, cancellationToken: cancellationToken);
        var latest = await deals.QueryAsync(DealFilter.Default with { Company = profile.Company.Slug, PageSize = CompanyDealCount }, cancellationToken);
        return new RazorComponentResult<EmbedCompanyCard>(new
        {
            profile.Company,
            Position = position,
            AsOf = asOf,
            Deals = latest.Items,
            PageUrl = links.CompanyPermalink(profile.Company.Slug),
            BaseUrl = links.Base,
            Dark = IsDark(request),
        });
    }

    private static async Task<IResult> DataCenterAsync(string slug, HttpRequest request, DataCenterProfileQuery centers, CancellationToken cancellationToken)
    {
        var links = new ApiLinks(request);
        var profile = await centers.FindAsync(slug, cancellationToken);
        return profile is null
            ? NotFound(request, $"No data center has the address “{slug}”.")
            : new RazorComponentResult<EmbedDataCenterCard>(new
            {
                Profile = profile,
                PageUrl = links.DataCenterPermalink(profile.DataCenter.Slug),
                BaseUrl = links.Base,
                Dark = IsDark(request),
            });
    }

    private static async Task<IResult> ChartAsync(
        string name, HttpRequest request, DealChartQuery charts, CompanyProfileQuery companies, DataCenterProfileQuery centers,
        AnalyticsQuery analytics, CancellationToken cancellationToken)
    {
        var links = new ApiLinks(request);
        var dark = IsDark(request);
        switch (name)
        {
            case EmbedCharts.DealsByQuarter:
            {
                var parsed = DealFilter.Parse(request.Query);
                if (!parsed.IsValid)
                {
                    return ApiProblems.InvalidQuery(parsed.Errors);
                }

                var filter = parsed.Filter with { Sort = DealSort.Date, Descending = true, Page = 1, PageSize = DealFilter.DefaultPageSize };
                var quarters = await charts.ByQuarterAsync(filter, cancellationToken);
                var title = "Deal value and capacity per quarter" + (filter.IsFiltered ? " · " + TimelineUrl.Title(filter, null)["Deals · ".Length..] : string.Empty);
                return new RazorComponentResult<EmbedChart>(new
                {
                    Title = title,
                    PageUrl = links.Absolute(TimelineUrl.Path + filter.ToQueryString()),
                    Dark = dark,
                    Quarters = quarters,
                    SourcesNote = "Sources: every deal in these sums is listed, with its sources, on the linked timeline.",
                });
            }

            case EmbedCharts.Valuations:
            {
                var slug = request.Query["company"].ToString();
                var profile = slug.Length == 0 ? null : await companies.FindAsync(slug, cancellationToken);
                if (profile is null)
                {
                    return NotFound(request, "The valuations chart needs ?company= with the address of a company.");
                }

                return new RazorComponentResult<EmbedChart>(new
                {
                    Title = $"{profile.Company.Name}: valuation history",
                    PageUrl = links.CompanyPermalink(profile.Company.Slug),
                    Dark = dark,
                    Drawing = Components.Shared.Charts.SiteCharts.Valuations(profile.Valuations, profile.Company.Name),
                    Rows = profile.Valuations.Select(v => new EmbedChart.ValueRow(
                        Core.Domain.Labels.Date(v.AsOf, Core.Domain.DatePrecision.Day),
                        Core.Figures.FigureFormatter.Format(v.Amount, Core.Figures.FigureUnit.Usd) + " · " + Core.Domain.Labels.Of(v.Basis))).ToList(),
                    Caption = $"Valuations of {profile.Company.Name}",
                    Sources = profile.Valuations.Where(v => v.Source is not null).Select(v => v.Source!).DistinctBy(s => s.Id).ToList(),
                });
            }

            case EmbedCharts.Capacity:
            {
                var slug = request.Query["datacenter"].ToString();
                var profile = slug.Length == 0 ? null : await centers.FindAsync(slug, cancellationToken);
                if (profile is null)
                {
                    return NotFound(request, "The capacity chart needs ?datacenter= with the address of a data center.");
                }

                var center = profile.DataCenter;
                return new RazorComponentResult<EmbedChart>(new
                {
                    Title = $"{center.Name}: capacity over time",
                    PageUrl = links.DataCenterPermalink(center.Slug),
                    Dark = dark,
                    Drawing = Components.Shared.Charts.SiteCharts.Capacity(center),
                    Rows = center.Capacity.Select(r => new EmbedChart.ValueRow(
                        Core.Domain.Labels.Date(r.EffectiveDate, r.Precision),
                        Core.Figures.FigureFormatter.Format(r.Power, Core.Figures.FigureUnit.Megawatts) + " · " + Core.Domain.Labels.Of(r.Status))).ToList(),
                    Caption = $"Power of {center.Name}",
                    Sources = center.Capacity.Where(r => r.Source is not null).Select(r => r.Source!).DistinctBy(s => s.Id).ToList(),
                });
            }

            case EmbedCharts.CapacityByCompany:
            case EmbedCharts.ValuationPerMw:
            case EmbedCharts.DealValuePerMw:
                return AnalyticsChart(name, request, analytics);

            default:
                return NotFound(request, $"There is no chart named “{name}”. Charts: {string.Join(", ", EmbedCharts.All)}.");
        }
    }

    /// <summary>A chart of /analytics, from the same report the page shows (?asOf=YYYY-MM-DD, ?rollup=true, and for the
    /// valuation chart ?companies=a,b by the rule of <see cref="ComparedCompanies"/>). A bad value of any of them, an
    /// unknown company included, answers 400 problem details naming the parameter.</summary>
    private static IResult AnalyticsChart(string name, HttpRequest request, AnalyticsQuery analytics)
    {
        var settings = AnalyticsSettings.Read(analytics.Today, request.Query["asOf"], request.Query["rollup"]);
        var errors = new Dictionary<string, string[]>(settings.Errors, StringComparer.Ordinal);

        // Only the valuation chart compares companies; its list follows the one rule (ComparedCompanies).
        var valuations = name == EmbedCharts.ValuationPerMw;
        var compared = analytics.Compare(valuations ? request.Query[ComparedCompanies.Parameter] : default);
        if (compared.Error is { } error)
        {
            errors[ComparedCompanies.Parameter] = [error];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.InvalidQuery(errors);
        }

        var report = analytics.Report(settings.AsOf, settings.RollUp, compared);
        var links = new ApiLinks(request);
        var pageQuery = new List<string>();
        if (settings.Pinned is { } pinned)
        {
            pageQuery.Add("asOf=" + pinned.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (settings.RollUp)
        {
            pageQuery.Add("rollup=true");
        }

        if (valuations && request.Query.ContainsKey(ComparedCompanies.Parameter))
        {
            pageQuery.Add(ComparedCompanies.Parameter + "=" + string.Join(",", compared.Slugs.Select(Uri.EscapeDataString)));
        }

        var anchor = name switch
        {
            EmbedCharts.DealValuePerMw => "#deal-value",
            EmbedCharts.ValuationPerMw => "#valuations",
            _ => "#chart",
        };
        return new RazorComponentResult<EmbedAnalyticsChart>(new
        {
            Chart = name,
            Report = report,
            Title = EmbedLinks.AnalyticsChartTitle(name, settings.AsOf, settings.RollUp),
            PageUrl = links.Absolute("/analytics" + (pageQuery.Count > 0 ? "?" + string.Join("&", pageQuery) : string.Empty) + anchor),
            BaseUrl = links.Base,
            Dark = IsDark(request),
        });
    }

    private static RazorComponentResult<EmbedNotFound> NotFound(HttpRequest request, string message) =>
        new(new { Message = message, PageUrl = new ApiLinks(request).Absolute("/"), Dark = IsDark(request) })
        {
            StatusCode = StatusCodes.Status404NotFound,
        };
}
