using Microsoft.AspNetCore.DataProtection;

namespace ComputeDeals.Web.Hosting;

/// <summary>
/// Data-protection keys (which sign cookies and antiforgery tokens) live in the database, under
/// one application name, so every instance sharing the database accepts the others' cookies.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "ComputeDeals";

    public static WebApplicationBuilder AddSharedDataProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection()
            .PersistKeysToDbContext<AppDbContext>()
            .SetApplicationName(ApplicationName);
        return builder;
    }
}
