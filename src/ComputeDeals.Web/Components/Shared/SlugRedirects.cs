namespace ComputeDeals.Web.Components.Shared;

/// <summary>
/// Finds where an old slug of a renamed deal, company or data center lives now, so that every
/// URL ever published keeps working with a permanent redirect.
/// </summary>
public sealed class SlugRedirects(IDbContextFactory<AppDbContext> factory)
{
    /// <summary>The entity's current slug when <paramref name="oldSlug"/> is in its history; otherwise null.</summary>
    public async Task<string?> CurrentSlugAsync(EntityKind kind, string oldSlug, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var entityId = await db.SlugHistory.AsNoTracking()
            .Where(s => s.EntityKind == kind && s.OldSlug == oldSlug)
            .Select(s => (int?)s.EntityId)
            .FirstOrDefaultAsync(cancellationToken);
        if (entityId is not { } id)
        {
            return null;
        }

        var current = kind switch
        {
            EntityKind.Deal => await db.Deals.AsNoTracking().Where(d => d.Id == id && d.IsPublished).Select(d => d.Slug).FirstOrDefaultAsync(cancellationToken),
            EntityKind.Company => await db.Companies.AsNoTracking().Where(c => c.Id == id && !c.IsDeleted).Select(c => c.Slug).FirstOrDefaultAsync(cancellationToken),
            EntityKind.DataCenter => await db.DataCenters.AsNoTracking().Where(d => d.Id == id && !d.IsDeleted).Select(d => d.Slug).FirstOrDefaultAsync(cancellationToken),
            _ => null,
        };
        return current == oldSlug ? null : current;
    }

    /// <summary>Answers the request with a 301 to <paramref name="location"/>; the page then renders nothing.</summary>
    public static void MovedPermanently(HttpContext http, string location)
    {
        http.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        http.Response.Headers.Location = location;
        http.Response.Headers.CacheControl = "public, max-age=3600";
    }
}
