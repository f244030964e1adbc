using ComputeDeals.Web.Features.Feeds;

namespace ComputeDeals.Web.Hosting;

/// <summary>Services for following, embedding and the deal network: feeds, embeds, oEmbed and /network.</summary>
public static class NetworkSetup
{
    public static WebApplicationBuilder AddFeedsEmbedsAndNetwork(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FeedService>();
        return builder;
    }
}
