namespace ComputeDeals.Web.Hosting;

/// <summary>Every service the app registers, in order: the table of contents of Program.cs, shared with bench tools that use the write services.</summary>
public static class AppSetup
{
    public static WebApplicationBuilder AddComputeDeals(this WebApplicationBuilder builder)
    {
        builder.AddLogging();
        builder.AddDatabase();
        builder.AddSharedDataProtection();
        builder.AddHealth();
        builder.AddUi();
        builder.AddFeatures();
        builder.AddContentCache();
        builder.AddPublicCompression();
        builder.AddReadModel();
        builder.AddApi();
        builder.AddPublicPages();
        builder.AddAnalytics();
        builder.AddTransportSecurity();
        builder.AddAccounts();
        builder.AddEditing();
        builder.AddCorrections();
        builder.AddReleases();
        builder.AddFeedsEmbedsAndNetwork();
        return builder;
    }
}
