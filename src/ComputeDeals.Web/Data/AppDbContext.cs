using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ComputeDeals.Web.Data;

/// <summary>The application's store: domain entities, accounts and data-protection keys.</summary>
public class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Company> Companies => Set<Company>();

    public DbSet<CompanyAlias> CompanyAliases => Set<CompanyAlias>();

    public DbSet<Valuation> Valuations => Set<Valuation>();

    public DbSet<DataCenter> DataCenters => Set<DataCenter>();

    public DbSet<CapacityRow> CapacityRows => Set<CapacityRow>();

    public DbSet<Deal> Deals => Set<Deal>();

    public DbSet<DealParty> DealParties => Set<DealParty>();

    public DbSet<DealDataCenter> DealDataCenters => Set<DealDataCenter>();

    public DbSet<DealSource> DealSources => Set<DealSource>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();

    public DbSet<SlugHistory> SlugHistory => Set<SlugHistory>();

    public DbSet<CorrectionSuggestion> CorrectionSuggestions => Set<CorrectionSuggestion>();

    public DbSet<DatasetRelease> Releases => Set<DatasetRelease>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and stable when members are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);

        // SQLite cannot order or compare DateTimeOffset in SQL; UTC ticks can.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}

/// <summary>A signed-in user of the editing tools.</summary>
public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
