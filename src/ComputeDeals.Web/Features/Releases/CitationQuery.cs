namespace ComputeDeals.Web.Features.Releases;

/// <summary>Builds the citation of a public page, pinned to the newest release.</summary>
public sealed class CitationQuery(IDbContextFactory<AppDbContext> factory, ReleaseService releases, SiteUrls urls, TimeProvider time, IOptions<DataLicenseOptions> options)
{
    public const string Site = "ComputeDeals";

    /// <summary>The citation of a site path (/deals/x, /companies/x, /datacenters/x, /analytics, /data), or null for other paths.</summary>
    public async Task<Citation?> ForPathAsync(string? path, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(path) || !path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var q = path.IndexOf('?', StringComparison.Ordinal);
        var query = q >= 0 ? path[q..] : string.Empty;
        var bare = q >= 0 ? path[..q] : path;
        var title = await TitleAsync(bare, cancellationToken);
        if (title is null)
        {
            return null;
        }

        var release = await releases.LatestIdAsync(cancellationToken);
        var pinned = release is null ? bare + query : bare + (query.Length == 0 ? "?" : query + "&") + "release=" + Uri.EscapeDataString(release);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var issued = release is null ? (DateOnly?)null : DateOnly.ParseExact(release[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new Citation(title, Site, options.Value.Publisher, release, urls.Absolute(pinned), today, issued);
    }

    private async Task<string?> TitleAsync(string path, CancellationToken cancellationToken)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return parts switch
        {
            ["analytics"] => "Analytics: compute capacity, valuations and deal value",
            ["data"] => "ComputeDeals dataset: AI compute deals, companies and data centers",
            ["deals"] => "AI compute deal timeline",
            ["deals", var slug] => await db.Deals.Where(d => d.Slug == slug && d.IsPublished).Select(d => d.Title).FirstOrDefaultAsync(cancellationToken),
            ["companies", var slug] => await db.Companies.Where(c => c.Slug == slug && !c.IsDeleted).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken),
            ["datacenters", var slug] => await db.DataCenters.Where(c => c.Slug == slug && !c.IsDeleted).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken),
            _ => null,
        };
    }
}
