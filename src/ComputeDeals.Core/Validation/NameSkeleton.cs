using System.Globalization;
using System.Text;

namespace ComputeDeals.Core.Validation;

/// <summary>
/// What a name looks like once case, accents, spacing, punctuation and look-alike letters are set
/// aside: "Anthropic", "ANTHROPIC", "Anthrópic" and "Аnthropic" (Cyrillic А) share one skeleton.
/// Two companies with one skeleton need an editor's confirmation that they really differ.
/// </summary>
public static class NameSkeleton
{
    // Letters from other scripts (and digits) that pass for Latin letters in most fonts.
    private static readonly Dictionary<char, char> Confusables = new()
    {
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p',
        ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['ѕ'] = 's', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j', ['ԁ'] = 'd',
        ['ԛ'] = 'q', ['ԝ'] = 'w', ['ӏ'] = 'l', ['ո'] = 'n', ['ս'] = 'u',
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['η'] = 'n', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p',
        ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['ζ'] = 'z', ['μ'] = 'm',
        ['0'] = 'o', ['1'] = 'l', ['ı'] = 'i', ['ł'] = 'l', ['ø'] = 'o', ['đ'] = 'd', ['ß'] = 's',
    };

    public static string Of(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        // Compatibility decomposition folds full-width letters and ligatures, then marks are dropped.
        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (Confusables.TryGetValue(lower, out var latin))
            {
                lower = latin;
            }

            if (char.IsLetterOrDigit(lower))
            {
                // "i" and "l" pass for each other (and for "1"), as do "rn" and "m".
                builder.Append(lower == 'i' ? 'l' : lower);
            }
        }

        return builder.ToString().Replace("rn", "m", StringComparison.Ordinal);
    }
}
