using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComputeDeals.Web.Data.Configurations;

internal sealed class CorrectionSuggestionConfiguration : IEntityTypeConfiguration<CorrectionSuggestion>
{
    public void Configure(EntityTypeBuilder<CorrectionSuggestion> builder)
    {
        builder.Property(s => s.Text).HasMaxLength(FieldLimits.CorrectionText);
        builder.Property(s => s.SourceUrl).HasMaxLength(FieldLimits.Url);
        builder.Property(s => s.ContactEmail).HasMaxLength(FieldLimits.Email);
        builder.Property(s => s.DecidedBy).HasMaxLength(256);
        builder.Property(s => s.RejectReason).HasMaxLength(1000);
        builder.HasIndex(s => new { s.Status, s.CreatedAt });
    }
}

internal sealed class DatasetReleaseConfiguration : IEntityTypeConfiguration<DatasetRelease>
{
    public void Configure(EntityTypeBuilder<DatasetRelease> builder)
    {
        builder.Property(r => r.Id).HasMaxLength(20);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.JsonSha256).HasMaxLength(64);
        builder.Property(r => r.ZipSha256).HasMaxLength(64);
        builder.HasIndex(r => r.Sequence).IsUnique();
    }
}
