using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Features.History;
using ComputeDeals.Web.Features.Import;

namespace ComputeDeals.Web.Hosting;

/// <summary>The write services (one per entity, all through <see cref="EditPipeline"/>) and change history.</summary>
public static class EditingSetup
{
    public static WebApplicationBuilder AddEditing(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EditPipeline>();
        builder.Services.AddScoped<DealEditor>();
        builder.Services.AddScoped<CompanyEditor>();
        builder.Services.AddScoped<DataCenterEditor>();
        builder.Services.AddScoped<ValuationEditor>();
        builder.Services.AddScoped<EditorLookups>();
        builder.Services.AddScoped<ChangeHistoryQuery>();
        builder.Services.AddScoped<DealImportService>();
        return builder;
    }

    public static WebApplication MapEditing(this WebApplication app)
    {
        app.MapGet("/editor/import/template.csv", () =>
                Results.File(Encoding.UTF8.GetBytes(DealImportService.Template), "text/csv; charset=utf-8", "computedeals-deals-template.csv"))
            .RequireAuthorization(AppPolicies.Editor)
            .ExcludeFromDescription();
        return app;
    }
}
