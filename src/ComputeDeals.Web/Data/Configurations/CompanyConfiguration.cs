using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComputeDeals.Web.Data.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Slug).HasMaxLength(Slugs.MaxLength);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.HasIndex(c => c.Name);
        builder.Property(c => c.Country).HasMaxLength(2);
        builder.Property(c => c.Website).HasMaxLength(500);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Parent).WithMany(c => c.Subsidiaries).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Aliases).WithOne().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompanyAliasConfiguration : IEntityTypeConfiguration<CompanyAlias>
{
    public void Configure(EntityTypeBuilder<CompanyAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasIndex(a => a.Name);
    }
}
