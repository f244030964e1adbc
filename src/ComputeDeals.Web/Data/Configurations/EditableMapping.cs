using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComputeDeals.Web.Data.Configurations;

/// <summary>The columns every edited record shares; lengths come from <see cref="FieldLimits"/>, the limits the forms check.</summary>
internal static class EditableMapping
{
    /// <summary>
    /// A record editors save with a version check (a stale version is a conflict), named by a text of at most
    /// <paramref name="nameLength"/> characters and found by a unique slug.
    /// </summary>
    public static void HasNameAndSlug<T>(
        this EntityTypeBuilder<T> builder, Expression<Func<T, string>> name, int nameLength, Expression<Func<T, string>> slug)
        where T : class, IVersioned
    {
        builder.Property(name).HasMaxLength(nameLength);
        var slugColumn = builder.Property(slug).HasMaxLength(Slugs.MaxLength);
        builder.HasIndex(slugColumn.Metadata.Name).IsUnique();
        builder.IsVersioned();
    }

    /// <summary>A record editors save with a version check: a stale version is a conflict.</summary>
    public static void IsVersioned<T>(this EntityTypeBuilder<T> builder)
        where T : class, IVersioned =>
        builder.Property(nameof(IVersioned.Version)).IsConcurrencyToken();
}
