using ComputeDeals.Web.Features.Deals.Permalink;
using ComputeDeals.Web.Features.Home;
using ComputeDeals.Web.Features.Search;

namespace ComputeDeals.Web.Hosting;

/// <summary>Services behind the public reading pages: permalinks, share cards, search and the home page.</summary>
public static class PublicPagesSetup
{
    public static WebApplicationBuilder AddPublicPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.Section)
            .Validate(o => string.IsNullOrEmpty(o.PublicBaseUrl) || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Site:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<SiteUrls>();
        builder.Services.AddScoped<SlugRedirects>();
        builder.Services.AddScoped<DealPermalinkQuery>();
        builder.Services.AddSingleton<ShareCardRenderer>();
        builder.Services.AddScoped<SearchQuery>();
        builder.Services.AddScoped<HomeFiguresQuery>();
        builder.Services.AddScoped<CapacityLeadersQuery>();
        builder.Services.AddScoped<Features.Companies.CompanyProfileQuery>();
        builder.Services.AddScoped<Features.DataCenters.DataCenterProfileQuery>();
        return builder;
    }
}
