using ComputeDeals.Web.Features.Editing;
using ComputeDeals.Web.Features.History;

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
        builder.Services.AddScoped<ChangeHistoryService>();
        return builder;
    }
}
