using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComputeDeals.Web.Data.Configurations;

internal sealed class ValuationConfiguration : IEntityTypeConfiguration<Valuation>
{
    public void Configure(EntityTypeBuilder<Valuation> builder)
    {
        builder.HasOne(v => v.Company).WithMany().HasForeignKey(v => v.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(v => v.Source).WithMany().HasForeignKey(v => v.SourceId).OnDelete(DeleteBehavior.SetNull);
        builder.OwnsOne(v => v.Amount, f => FigureMapping.Map(f, "Amount"));
        builder.Navigation(v => v.Amount).IsRequired();
        builder.IsVersioned();
        builder.HasIndex(v => new { v.CompanyId, v.AsOf });
        builder.HasQueryFilter(v => !v.IsDeleted);
    }
}
