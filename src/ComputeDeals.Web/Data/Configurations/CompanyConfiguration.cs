using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComputeDeals.Web.Data.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.HasUniqueSlug(c => c.Slug);
        builder.HasIndex(c => c.Name);
        builder.HasOne(c => c.Parent).WithMany(c => c.Subsidiaries).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Aliases).WithOne().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompanyAliasConfiguration : IEntityTypeConfiguration<CompanyAlias>
{
    public void Configure(EntityTypeBuilder<CompanyAlias> builder)
    {
        builder.HasIndex(a => a.Name);
    }
}
