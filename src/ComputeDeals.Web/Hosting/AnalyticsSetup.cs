using ComputeDeals.Web.Features.Analytics;

namespace ComputeDeals.Web.Hosting;

/// <summary>The analytics service behind the /analytics page, its JSON and the company pages' capacity position.</summary>
public static class AnalyticsSetup
{
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AnalyticsQuery>();
        return builder;
    }
}
