using ComputeDeals.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComputeDeals.Web.Tests.Hosting;

/// <summary>
/// The output cache's memory is bounded by <c>ContentCache:SizeLimit</c> and <c>ContentCache:MaximumBodySize</c>
/// (32 MB and 4 MB unless configured; the framework's defaults are 100 MB and 64 MB).
/// </summary>
public class ContentCacheLimitsTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    [Fact]
    public void The_output_cache_holds_at_most_16_MB_and_bodies_of_at_most_4_MB_by_default()
    {
        var options = app.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value;

        Assert.Equal(16L * 1024 * 1024, options.SizeLimit);
        Assert.Equal(4L * 1024 * 1024, options.MaximumBodySize);
    }

    [Fact]
    public async Task Configured_limits_replace_the_defaults_and_pages_are_still_served()
    {
        using var factory = app.WithWebHostBuilder(b => b
            .UseSetting("ContentCache:SizeLimit", "1048576")
            .UseSetting("ContentCache:MaximumBodySize", "65536"));
        var options = factory.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value;

        Assert.Equal(1048576L, options.SizeLimit);
        Assert.Equal(65536L, options.MaximumBodySize);
        var client = factory.CreateClient();
        var first = await client.GetStringAsync(new Uri("/deals", UriKind.Relative));
        var second = await client.GetStringAsync(new Uri("/deals", UriKind.Relative));
        Assert.Contains("Deal timeline", first, StringComparison.Ordinal);
        Assert.Contains("Deal timeline", second, StringComparison.Ordinal);
    }
}
