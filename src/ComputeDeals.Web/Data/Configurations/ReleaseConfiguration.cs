using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComputeDeals.Web.Data.Configurations;

internal sealed class CorrectionSuggestionConfiguration : IEntityTypeConfiguration<CorrectionSuggestion>
{
    public void Configure(EntityTypeBuilder<CorrectionSuggestion> builder)
    {
        builder.HasIndex(s => new { s.Status, s.CreatedAt });
    }
}

internal sealed class DatasetReleaseConfiguration : IEntityTypeConfiguration<DatasetRelease>
{
    public void Configure(EntityTypeBuilder<DatasetRelease> builder)
    {
        builder.HasIndex(r => r.Sequence).IsUnique();
    }
}
