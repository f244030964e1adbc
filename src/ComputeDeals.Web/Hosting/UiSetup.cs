using ComputeDeals.Web.Components;
using ComputeDeals.Web.Components.Layout;
using MudBlazor.Services;

namespace ComputeDeals.Web.Hosting;

/// <summary>Razor components, MudBlazor and the error and not-found pages.</summary>
public static class UiSetup
{
    public static WebApplicationBuilder AddUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
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
        app.UseOutputCache();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapThemeEndpoint();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
