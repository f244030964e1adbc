using Microsoft.AspNetCore.OutputCaching;

namespace ComputeDeals.Web.Hosting;

/// <summary>
/// Output cache for public pages and files built from the data (permalinks, share cards,
/// feeds). Every cached response carries <see cref="Tag"/>; every write calls
/// <see cref="InvalidateAsync"/> after its transaction commits, so readers never see stale data.
/// </summary>
public sealed class ContentCache(IOutputCacheStore store)
{
    public const string Tag = "content";

    /// <summary>Name of the output-cache policy that public data pages and files use.</summary>
    public const string Policy = "content";

    public ValueTask InvalidateAsync(CancellationToken cancellationToken = default) =>
        store.EvictByTagAsync(Tag, cancellationToken);
}

public static class ContentCacheSetup
{
    public static WebApplicationBuilder AddContentCache(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(options =>
        {
            options.AddPolicy(ContentCache.Policy, policy => policy
                .Tag(ContentCache.Tag)
                .Expire(TimeSpan.FromMinutes(10))
                .SetVaryByQuery("*")
                // Static pages render the reader's light/dark choice from a cookie.
                .VaryByValue(http => new("theme", Components.Layout.ThemePreference.IsDark(http) ? "dark" : "light"))
                .AddPolicy<StaticPageCachePolicy>());
        });
        builder.Services.AddSingleton<ContentCache>();
        return builder;
    }
}
