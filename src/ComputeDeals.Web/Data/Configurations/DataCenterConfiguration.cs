using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComputeDeals.Web.Data.Configurations;

internal sealed class DataCenterConfiguration : IEntityTypeConfiguration<DataCenter>
{
    public void Configure(EntityTypeBuilder<DataCenter> builder)
    {
        builder.HasUniqueSlug(d => d.Slug);
        builder.HasOne(d => d.Operator).WithMany().HasForeignKey(d => d.OperatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Capacity).WithOne().HasForeignKey(r => r.DataCenterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CapacityRowConfiguration : IEntityTypeConfiguration<CapacityRow>
{
    public void Configure(EntityTypeBuilder<CapacityRow> builder)
    {
        builder.OwnsOne(r => r.Power, f => FigureMapping.Map(f, "Power"));
        builder.Navigation(r => r.Power).IsRequired();
        builder.OwnsOne(r => r.Accelerators, f => FigureMapping.Map(f, "Accelerators"));
        builder.HasOne(r => r.Source).WithMany().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.DataCenterId, r.EffectiveDate });
    }
}
