using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComputeDeals.Web.Data.Configurations;

/// <summary>
/// The columns every edited record shares. Column lengths are not set here: they are the [MaxLength] of each
/// property in ComputeDeals.Core (from <see cref="FieldLimits"/>, the limits the forms check).
/// </summary>
internal static class EditableMapping
{
    /// <summary>A record editors save with a version check (a stale version is a conflict) and find by a unique slug.</summary>
    public static void HasUniqueSlug<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, object?>> slug)
        where T : class, IVersioned
    {
        builder.HasIndex(slug).IsUnique();
        builder.IsVersioned();
    }

    /// <summary>A record editors save with a version check: a stale version is a conflict.</summary>
    public static void IsVersioned<T>(this EntityTypeBuilder<T> builder)
        where T : class, IVersioned =>
        builder.Property(nameof(IVersioned.Version)).IsConcurrencyToken();
}
