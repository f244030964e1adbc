using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComputeDeals.Web.Data.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.Property(s => s.Url).HasMaxLength(FieldLimits.Url);
        builder.Property(s => s.Title).HasMaxLength(FieldLimits.SourceTitle);
        builder.Property(s => s.Publisher).HasMaxLength(FieldLimits.Publisher);
        builder.HasIndex(s => s.Url);
    }
}

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> builder)
    {
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.EntityKind, c.EntityId });
        builder.HasIndex(c => c.At);
    }
}

internal sealed class SlugHistoryConfiguration : IEntityTypeConfiguration<SlugHistory>
{
    public void Configure(EntityTypeBuilder<SlugHistory> builder)
    {
        builder.Property(s => s.OldSlug).HasMaxLength(Slugs.MaxLength);
        builder.HasIndex(s => new { s.EntityKind, s.OldSlug }).IsUnique();
    }
}
