using System.Globalization;
using System.Text;

namespace ComputeDeals.Core.Domain;

/// <summary>Turns names into URL slugs: lowercase ASCII letters, digits and single hyphens.</summary>
public static class Slugs
{
    public const int MaxLength = 120;

    public static string From(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalized.Length);
        var pendingHyphen = false;
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(lower);
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }

            if (builder.Length >= MaxLength)
            {
                break;
            }
        }

        return builder.ToString().TrimEnd('-');
    }

    /// <summary>The slug an editor typed (trimmed), or, when left blank, one made from the name or title.</summary>
    public static string OrFrom(string? slug, string name) => string.IsNullOrWhiteSpace(slug) ? From(name) : slug.Trim();

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && slug == From(slug);
}
