using ComputeDeals.Web.Features.Embeds;
using ComputeDeals.Web.Features.Feeds;

namespace ComputeDeals.Web.Hosting;

/// <summary>Services for following, embedding and the deal network: feeds, embeds, oEmbed and /network.</summary>
public static class NetworkSetup
{
    public static WebApplicationBuilder AddFeedsEmbedsAndNetwork(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FeedQuery>();
        builder.Services.AddScoped<Features.Network.NetworkQuery>();
        return builder;
    }

    public static WebApplication MapFeedsEmbedsAndNetwork(this WebApplication app)
    {
        app.MapFeeds();
        app.MapEmbeds();
        app.MapOEmbed();
        return app;
    }
}
