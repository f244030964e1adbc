using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComputeDeals.Web.Data.Configurations;

/// <summary>Maps a <see cref="Figure"/> into columns of its owner's table named prefix + field: ValueLow, ValueHigh, ValueQualifier, ValueBasis, ValueNote.</summary>
internal static class FigureMapping
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, Figure> figure, string prefix)
        where TOwner : class
    {
        figure.Property(f => f.Low).HasColumnName(prefix + "Low");
        figure.Property(f => f.High).HasColumnName(prefix + "High");
        figure.Property(f => f.Qualifier).HasColumnName(prefix + "Qualifier");
        figure.Property(f => f.Basis).HasColumnName(prefix + "Basis");
        figure.Property(f => f.Note).HasColumnName(prefix + "Note");
        figure.Ignore(f => f.IsDisclosed);
        figure.Ignore(f => f.Floor);
        figure.Ignore(f => f.Ceiling);
    }
}
