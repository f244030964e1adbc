using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Components.Shared;
using ComputeDeals.Web.Features.Deals.Permalink;
using ComputeDeals.Web.Hosting;

namespace ComputeDeals.Web.Api;

/// <summary>GET /deals/{slug}/card.png: the deal's 1200x630 share card (og:image), output-cached.</summary>
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
        return app;
    }

    private static async Task<IResult> DealCardAsync(
        string slug, HttpContext http, DealPermalinkQuery query, SlugRedirects redirects, ShareCardRenderer renderer, CancellationToken cancellationToken)
    {
        var deal = await query.FindAsync(slug, cancellationToken);
        if (deal is null)
        {
            return await redirects.CurrentSlugAsync(EntityKind.Deal, slug, cancellationToken) is { } current
                ? Results.Redirect($"/deals/{current}/card.png", permanent: true)
                : Results.NotFound();
        }

        var png = renderer.RenderPng(CardFor(deal));
        http.Response.Headers.CacheControl = CacheControl;
        return Results.File(png, "image/png", lastModified: deal.UpdatedAt);
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
