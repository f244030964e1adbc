using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComputeDeals.Web.Data.Configurations;

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> builder)
    {
        builder.HasUniqueSlug(d => d.Slug);
        builder.OwnsOne(d => d.Value, f => FigureMapping.Map(f, "Value"));
        builder.Navigation(d => d.Value).IsRequired();
        builder.OwnsOne(d => d.Capacity, f => FigureMapping.Map(f, "Capacity"));
        builder.OwnsOne(d => d.Accelerators, f => FigureMapping.Map(f, "Accelerators"));
        builder.HasMany(d => d.Parties).WithOne().HasForeignKey(p => p.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.DataCenters).WithOne().HasForeignKey(p => p.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Sources).WithOne().HasForeignKey(p => p.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(d => d.EffectiveTermEnd);
        builder.HasIndex(d => d.AnnouncedOn);
        // The timeline counts and pages published, live deals by date (see docs/benchmarks.md).
        builder.HasIndex(d => new { d.IsPublished, d.IsDeleted, d.AnnouncedOn });
        builder.HasIndex(d => d.Type);
        builder.HasIndex(d => d.Status);
        builder.HasQueryFilter(d => !d.IsDeleted);
    }
}

internal sealed class DealPartyConfiguration : IEntityTypeConfiguration<DealParty>
{
    public void Configure(EntityTypeBuilder<DealParty> builder)
    {
        builder.HasOne(p => p.Company).WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.CompanyId, p.DealId });
    }
}

internal sealed class DealDataCenterConfiguration : IEntityTypeConfiguration<DealDataCenter>
{
    public void Configure(EntityTypeBuilder<DealDataCenter> builder)
    {
        builder.HasOne(p => p.DataCenter).WithMany().HasForeignKey(p => p.DataCenterId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsOne(p => p.Share, f => FigureMapping.Map(f, "Share"));
        builder.HasIndex(p => new { p.DataCenterId, p.DealId });
    }
}

internal sealed class DealSourceConfiguration : IEntityTypeConfiguration<DealSource>
{
    public void Configure(EntityTypeBuilder<DealSource> builder)
    {
        builder.HasOne(p => p.Source).WithMany().HasForeignKey(p => p.SourceId).OnDelete(DeleteBehavior.Restrict);
        // Flags are stored as their number: a combination has no single name.
        builder.Property(p => p.Supports).HasConversion<int>();
    }
}
