using System.Net;
using ComputeDeals.Testing;
using ComputeDeals.Web.Components.Layout;
using ComputeDeals.Web.Features.Accounts;

namespace ComputeDeals.Web.Tests.Hosting;

/// <summary>
/// Static pages load the small site-base.css, no MudBlazor asset and blazor.web.js only through the on-demand loader;
/// interactive pages load Blazor, MudBlazor's CSS and script at once; an enhanced navigation into an interactive page
/// is answered with "load it yourself".
/// </summary>
public class PageAssetsTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private const string EnhancedAccept = "text/html; blazor-enhanced-nav=on";

    [Theory]
    [InlineData("/")]
    [InlineData("/deals")]
    [InlineData("/deals/openai-coreweave-2025-05")]
    [InlineData("/analytics")]
    [InlineData("/companies/openai")]
    [InlineData("/datacenters/colossus-1")]
    [InlineData("/account/login")]
    public async Task Static_pages_load_the_site_base_stylesheet_and_no_MudBlazor_asset(string url)
    {
        var html = await app.CreateClient().GetStringAsync(new Uri(url, UriKind.Relative));

        Assert.Matches("<link rel=\"stylesheet\" href=\"site-base\\.[a-z0-9]+\\.css\"", html);
        Assert.DoesNotContain("_content/MudBlazor/", html, StringComparison.Ordinal);
        // Blazor (enhanced navigation only) is loaded on the first interaction by the loader, not by a script tag.
        Assert.Matches("<script src=\"js/blazor-on-demand\\.[a-z0-9]+\\.js\" data-blazor-src=\"_framework/blazor\\.web\\.[a-z0-9]+\\.js\" defer>", html);
        Assert.DoesNotMatch("<script src=\"_framework/blazor\\.web\\.", html);
    }

    [Fact]
    public async Task Interactive_pages_load_MudBlazor_stylesheet_and_script_instead()
    {
        var editor = await app.SignedInClientAsync("assets-editor@example.com", AppRoles.Editor);

        var response = await editor.GetAsync(new Uri("/editor", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<link rel=\"stylesheet\" href=\"_content/MudBlazor/MudBlazor\\.min\\.[a-z0-9]+\\.css\"", html);
        Assert.Matches("<script src=\"_framework/blazor\\.web\\.[a-z0-9]+\\.js\" defer>", html);
        Assert.Matches("<script src=\"_content/MudBlazor/MudBlazor\\.min\\.[a-z0-9]+\\.js\" defer>", html);
        Assert.DoesNotContain("blazor-on-demand", html, StringComparison.Ordinal);
        Assert.DoesNotContain("site-base.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/editor", "/editor")]
    [InlineData("/editor/deals/new?from=deals", "/editor/deals/new?from=deals")]
    public async Task An_enhanced_navigation_into_an_interactive_page_is_told_to_load_it_as_a_new_document(string url, string location)
    {
        var editor = await app.SignedInClientAsync("enhanced-editor@example.com", AppRoles.Editor);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", EnhancedAccept);

        var response = await editor.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(location, Assert.Single(response.Headers.GetValues(InteractivePageLoads.LoadHeader)));
        Assert.Equal("allow", Assert.Single(response.Headers.GetValues("blazor-enhanced-nav")));
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/deals")]
    [InlineData("/companies/openai")]
    public async Task An_enhanced_navigation_between_static_pages_gets_the_page_itself(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", EnhancedAccept);

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(InteractivePageLoads.LoadHeader));
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
