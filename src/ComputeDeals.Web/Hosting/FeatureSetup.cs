namespace ComputeDeals.Web.Hosting;

/// <summary>The feature services behind the pages and the API.</summary>
public static class FeatureSetup
{
    public static WebApplicationBuilder AddFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DealListQuery>();
        builder.Services.AddScoped<DealChartQuery>();
        builder.Services.AddScoped<CompanyListQuery>();
        builder.Services.AddScoped<DataCenterListQuery>();
        return builder;
    }
}
