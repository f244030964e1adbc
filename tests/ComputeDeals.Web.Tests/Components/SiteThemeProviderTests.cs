using Bunit;
using ComputeDeals.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace ComputeDeals.Web.Tests.Components;

/// <summary>
/// Public pages render statically, where no JavaScript can run; MudBlazor's theme provider called
/// JavaScript on disposal anyway, which threw (and was swallowed) on every rendered public page.
/// </summary>
public class SiteThemeProviderTests
{
    [Fact]
    public async Task A_statically_rendered_page_disposes_the_theme_without_calling_javascript()
    {
        var invocations = await RenderAndDisposeAsync(new RendererInfo("Static", isInteractive: false));

        Assert.Empty(invocations);
    }

    [Fact]
    public async Task An_interactive_page_still_stops_the_dark_mode_watcher_on_disposal()
    {
        var invocations = await RenderAndDisposeAsync(new RendererInfo("Server", isInteractive: true));

        Assert.Contains(invocations, name => name.Contains("DarkMode", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<List<string>> RenderAndDisposeAsync(RendererInfo rendererInfo)
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.SetRendererInfo(rendererInfo);
        var provider = context.Render<SiteThemeProvider>(p => p.Add(x => x.IsDarkMode, true));
        var beforeDisposal = context.JSInterop.Invocations.Count;

        await provider.Instance.DisposeAsync();

        return context.JSInterop.Invocations.Skip(beforeDisposal).Select(i => i.Identifier).ToList();
    }
}
