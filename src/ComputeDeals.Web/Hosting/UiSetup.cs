using ComputeDeals.Web.Components;
using ComputeDeals.Web.Components.Layout;
using MudBlazor.Services;

namespace ComputeDeals.Web.Hosting;

/// <summary>Sizes that keep long editor input on a live circuit.</summary>
public static class EditorLimits
{
    /// <summary>The largest message an editor's circuit accepts (long pasted text arrives in one message).</summary>
    public const long HubMessageBytes = 1024 * 1024;
}

/// <summary>Razor components, MudBlazor and the error and not-found pages.</summary>
public static class UiSetup
{
    public static WebApplicationBuilder AddUi(this WebApplicationBuilder builder)
    {
        // SignalR's default 32 KB per message dropped the editor's circuit when long text was pasted; 1 MB lets
        // a 100 KB summary reach the server, where the rules refuse it with the limit in words if it is too long.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(options => options.MaximumReceiveMessageSize = EditorLimits.HubMessageBytes);
        builder.Services.AddMudServices();

        // Run from build output (`dotnet run --no-launch-profile` in Production), package and bundled assets
        // (_content/MudBlazor, the scoped CSS bundle, _framework) live outside wwwroot and are found only through
        // the build's runtime manifest, which ASP.NET Core reads by itself in Development alone. Published output has
        // no such manifest (the files are copied into wwwroot), so there this is a no-op.
        if (!builder.Environment.IsDevelopment())
        {
            builder.WebHost.UseStaticWebAssets();
        }
        builder.Services.AddHttpContextAccessor();

        return builder;
    }

    public static WebApplication UseUi(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseInteractivePageLoads();
        app.UseOutputCache();
        app.UsePublicCompression();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapThemeEndpoint();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
