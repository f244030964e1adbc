using ComputeDeals.Web.Features.Deals.Permalink;

namespace ComputeDeals.Web.Api;

/// <summary>
/// GET /deals/{slug}/card.png, /companies/{slug}/card.png and /datacenters/{slug}/card.png: the
/// 1200x630 share cards used as og:image, output-cached; old slugs answer 301 to the new card.
/// </summary>
public static class ShareCardEndpoints
{
    /// <summary>Browsers and unfurlers may keep a card an hour; the server cache is evicted on every edit.</summary>
    public const string CacheControl = "public, max-age=3600";

    public static IEndpointRouteBuilder MapShareCards(this IEndpointRouteBuilder app)
    {
        app.MapGet("/deals/{slug}/card.png", DealCardAsync)
            .CacheOutput(ContentCache.Policy)
            .WithName("DealShareCard")
            .ExcludeFromDescription();
        app.MapGet("/companies/{slug}/card.png", CompanyCardAsync)
            .CacheOutput(ContentCache.Policy)
            .ExcludeFromDescription();
        app.MapGet("/datacenters/{slug}/card.png", DataCenterCardAsync)
            .CacheOutput(ContentCache.Policy)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> CompanyCardAsync(
        string slug, HttpContext http, CompanyProfileQuery query, SlugRedirects redirects, ShareCardRenderer renderer, CancellationToken cancellationToken) =>
        await RespondAsync(http, redirects, renderer, EntityKind.Company, "companies", slug,
            await query.FindAsync(slug, cancellationToken), p => (CardFor(p), p.Company.UpdatedAt), cancellationToken);

    private static async Task<IResult> DataCenterCardAsync(
        string slug, HttpContext http, DataCenterProfileQuery query, SlugRedirects redirects, ShareCardRenderer renderer, CancellationToken cancellationToken) =>
        await RespondAsync(http, redirects, renderer, EntityKind.DataCenter, "datacenters", slug,
            await query.FindAsync(slug, cancellationToken), p => (CardFor(p), p.DataCenter.UpdatedAt), cancellationToken);

    private static async Task<IResult> DealCardAsync(
        string slug, HttpContext http, DealPermalinkQuery query, SlugRedirects redirects, ShareCardRenderer renderer, CancellationToken cancellationToken) =>
        await RespondAsync(http, redirects, renderer, EntityKind.Deal, "deals", slug,
            await query.FindAsync(slug, cancellationToken), d => (CardFor(d), d.UpdatedAt), cancellationToken);

    /// <summary>
    /// The card of a found record as a PNG the browser may keep an hour; for a record not found, a 301
    /// to the card under its current slug when the slug is an old one, else 404.
    /// </summary>
    private static async Task<IResult> RespondAsync<T>(
        HttpContext http, SlugRedirects redirects, ShareCardRenderer renderer, EntityKind kind, string section, string slug, T? found,
        Func<T, (ShareCard Card, DateTimeOffset UpdatedAt)> card, CancellationToken cancellationToken)
        where T : class
    {
        if (found is null)
        {
            return await redirects.CurrentSlugAsync(kind, slug, cancellationToken) is { } current
                ? Results.Redirect($"/{section}/{current}/card.png", permanent: true)
                : Results.NotFound();
        }

        var (content, updatedAt) = card(found);
        http.Response.Headers.CacheControl = CacheControl;
        return Results.File(renderer.RenderPng(content), "image/png", lastModified: updatedAt);
    }

    /// <summary>The card's content for a company: kind, country, parent, deal and data-center counts, latest disclosed valuation.</summary>
    public static ShareCard CardFor(CompanyProfile profile)
    {
        var company = profile.Company;
        var latest = profile.Valuations.LastOrDefault(v => v.Amount.IsDisclosed);
        var figures = new List<ShareCardFigure>
        {
            new("Deals", profile.DealsByRole.SelectMany(r => r.Deals).Select(d => d.Slug).Distinct().Count().ToString(CultureInfo.InvariantCulture)),
            new("Data centers", profile.DataCenters.Count.ToString(CultureInfo.InvariantCulture)),
        };
        if (latest is not null)
        {
            figures.Add(new($"Valuation, {latest.AsOf.ToString("MMM yyyy", CultureInfo.InvariantCulture)}", FigureFormatter.Format(latest.Amount, FigureUnit.Usd)));
        }

        return new ShareCard(
            Kicker: string.Join(" · ", new[] { Labels.Of(company.Kind), company.Country }.Where(s => !string.IsNullOrEmpty(s))),
            Title: company.Name,
            Subtitle: company.Parent is { } parent ? $"Part of {parent.Name}" : null,
            Figures: figures,
            Footer: "Company profile",
            AccentHex: KindAccent(company.Kind));
    }

    /// <summary>The card's content for a data center: status, place, operator, current power and accelerators, deal count.</summary>
    public static ShareCard CardFor(DataCenterProfile profile)
    {
        var center = profile.DataCenter;
        var figures = new List<ShareCardFigure>
        {
            new("Power", profile.Current is null ? "not reported" : FigureFormatter.Format(profile.Current.Power, FigureUnit.Megawatts)),
        };
        if (profile.Current?.Accelerators is { IsDisclosed: true } accelerators)
        {
            figures.Add(new("Accelerators", FigureFormatter.Format(accelerators, FigureUnit.Count)));
        }

        figures.Add(new("Deals", profile.Holders.Count.ToString(CultureInfo.InvariantCulture)));
        return new ShareCard(
            Kicker: string.Join(" · ", new[] { "data center", Labels.Of(center.Status), center.Location }.Where(s => !string.IsNullOrEmpty(s))),
            Title: center.Name,
            Subtitle: $"Operated by {center.Operator!.Name}",
            Figures: figures,
            Footer: profile.Current is null ? "Capacity timeline" : $"Capacity as of {Labels.Date(profile.Current.EffectiveDate, profile.Current.Precision)}",
            AccentHex: "#00796b");
    }

    /// <summary>The card's content for a deal: parties, type, headline figures and date.</summary>
    public static ShareCard CardFor(Deal deal)
    {
        var figures = new List<ShareCardFigure> { new("Value", DealHeadline.Value(deal)) };
        if (deal.Capacity is { IsDisclosed: true })
        {
            figures.Add(new("Capacity", FigureFormatter.Format(deal.Capacity, FigureUnit.Megawatts)));
        }

        if (deal.Accelerators is { IsDisclosed: true })
        {
            figures.Add(new("Accelerators", FigureFormatter.Format(deal.Accelerators, FigureUnit.Count)));
        }

        return new ShareCard(
            Kicker: $"{Labels.Of(deal.Type)} · {Labels.Of(deal.Status)}",
            Title: DealHeadline.Parties(deal),
            Subtitle: deal.Title,
            Figures: figures,
            Footer: $"Announced {Labels.Date(deal.AnnouncedOn, deal.AnnouncedPrecision)}",
            AccentHex: AccentFor(deal.Type));
    }

    // The light-theme company-kind colours from app.css.
    private static string KindAccent(CompanyKind kind) => kind switch
    {
        CompanyKind.AiLab => "#6b3fa0",
        CompanyKind.Hyperscaler => "#1f5fbf",
        CompanyKind.Neocloud => "#00796b",
        CompanyKind.ChipMaker => "#8a5a00",
        CompanyKind.Investor => "#1b7a3a",
        CompanyKind.Conglomerate => "#a1306b",
        _ => "#55606e",
    };

    // The light-theme deal-type colours from app.css, so a card matches the site's badges.
    private static string AccentFor(DealType type) => type switch
    {
        DealType.CapacitySaleOrLease => "#b3261e",
        DealType.CloudCommitment => "#1f5fbf",
        DealType.ChipPurchase => "#6b3fa0",
        DealType.Investment => "#1b7a3a",
        DealType.Partnership => "#8a5a00",
        DealType.MergerAcquisition => "#a1306b",
        _ => "#55606e",
    };
}
