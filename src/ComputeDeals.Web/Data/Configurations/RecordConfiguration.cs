using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComputeDeals.Web.Data.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.HasIndex(s => s.Url);
    }
}

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> builder)
    {
        builder.HasIndex(c => new { c.EntityKind, c.EntityId });
        builder.HasIndex(c => c.At);
    }
}

internal sealed class SlugHistoryConfiguration : IEntityTypeConfiguration<SlugHistory>
{
    public void Configure(EntityTypeBuilder<SlugHistory> builder)
    {
        builder.HasIndex(s => new { s.EntityKind, s.OldSlug }).IsUnique();
    }
}
