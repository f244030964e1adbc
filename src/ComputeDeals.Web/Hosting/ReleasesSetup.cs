using ComputeDeals.Web.Features.AsRecorded;

namespace ComputeDeals.Web.Hosting;

/// <summary>The dataset: as-recorded versions of records, releases, citations and the licence.</summary>
public static class ReleasesSetup
{
    public static WebApplicationBuilder AddReleases(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AsRecordedService>();
        return builder;
    }

    public static WebApplication MapReleases(this WebApplication app)
    {
        return app;
    }
}
