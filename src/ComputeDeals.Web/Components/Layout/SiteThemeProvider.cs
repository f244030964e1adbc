using MudBlazor;

namespace ComputeDeals.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme provider for every page. On a statically rendered page (every public page) no
/// dark-mode watcher was ever started in the browser, yet MudBlazor's disposal still calls JavaScript
/// to stop it, which throws and is caught inside MudBlazor: about a dozen first-chance exceptions per
/// rendered page (found in the soak: ~1.2 per request). Disposal only stops the watcher where one can exist.
/// </summary>
public sealed class SiteThemeProvider : MudThemeProvider
{
    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore() =>
        RendererInfo.IsInteractive ? base.DisposeAsyncCore() : ValueTask.CompletedTask;
}
