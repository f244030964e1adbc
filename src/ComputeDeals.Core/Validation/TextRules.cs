using System.Text.RegularExpressions;
using ComputeDeals.Core.Domain;

namespace ComputeDeals.Core.Validation;

/// <summary>Rules for the text, URL, date and code fields shared by every entity.</summary>
public static partial class TextRules
{
    /// <summary>The earliest and latest dates any field accepts.</summary>
    public static readonly DateOnly MinDate = new(1990, 1, 1);

    public static readonly DateOnly MaxDate = new(2100, 12, 31);

    /// <summary>A required plain-text field such as a name or title.</summary>
    public static void Required(FieldErrors errors, string field, string label, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"Enter the {label}.");
            return;
        }

        Plain(errors, field, label, value, maxLength);
    }

    /// <summary>An optional plain-text field: no markup, bounded length.</summary>
    public static void Plain(FieldErrors errors, string field, string label, string? value, int maxLength)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            errors.Add(field, $"Shorten the {label} to {maxLength} characters or fewer (it has {value.Length}).");
        }

        if (value.Contains('<', StringComparison.Ordinal) || value.Contains('>', StringComparison.Ordinal))
        {
            errors.Add(field, $"Remove the < and > characters: the {label} is plain text.");
        }
        else if (value.Any(c => char.IsControl(c) && c is not '\t'))
        {
            errors.Add(field, $"Remove line breaks and control characters from the {label}.");
        }
    }

    /// <summary>An optional Markdown field: bounded length, no raw HTML tags (they would not be shown).</summary>
    public static void Markdown(FieldErrors errors, string field, string label, string? value, int maxLength)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            errors.Add(field, $"Shorten the {label} to {maxLength} characters or fewer (it has {value.Length}).");
        }

        if (HtmlTag().Match(value) is { Success: true } tag)
        {
            errors.Add(field, $"Remove the HTML tag \"{Truncate(tag.Value, 20)}\": write Markdown instead (**bold**, [link](https://…)).");
        }
    }

    /// <summary>An absolute http or https URL.</summary>
    public static void Url(FieldErrors errors, string field, string label, string? value, bool required, int maxLength = 2000)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"Enter the {label}, starting with https://.");
            }

            return;
        }

        if (value.Length > maxLength)
        {
            errors.Add(field, $"Shorten the {label} to {maxLength} characters or fewer.");
            return;
        }

        if (!IsWebUrl(value))
        {
            errors.Add(field, $"Enter the {label} as a full web address starting with https:// or http://, such as https://example.com/story.");
        }
    }

    public static bool IsWebUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host) && uri.Host.Contains('.', StringComparison.Ordinal)
        && !value!.Any(char.IsWhiteSpace);

    /// <summary>An optional ISO 3166-1 alpha-2 country code.</summary>
    public static void Country(FieldErrors errors, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !CountryCode().IsMatch(value))
        {
            errors.Add(field, "Enter the country as a two-letter ISO code in capitals, such as US or DE.");
        }
    }

    public static void Slug(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, "Enter a slug (it is generated from the name: use lowercase letters, digits and hyphens).");
        }
        else if (!Slugs.IsValid(value))
        {
            var suggestion = Slugs.From(value) is { Length: > 0 } s ? s : "my-deal";
            errors.Add(field, $"Use only lowercase letters, digits and single hyphens, at most {Slugs.MaxLength} characters, such as \"{suggestion}\".");
        }
    }

    public static void Date(FieldErrors errors, string field, string label, DateOnly? value, bool required, DateOnly? latest = null)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, $"Enter the {label}.");
            }

            return;
        }

        var max = latest is { } l && l < MaxDate ? l : MaxDate;
        if (value < MinDate || value > max)
        {
            errors.Add(field, $"Enter a {label} between {MinDate:yyyy-MM-dd} and {max:yyyy-MM-dd}.");
        }
    }

    public static void Defined<TEnum>(FieldErrors errors, string field, string label, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(field, $"Pick a {label} from the list ({string.Join(", ", Enum.GetNames<TEnum>())}).");
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length] + "…";

    [GeneratedRegex("<\\s*/?\\s*[a-zA-Z!][^>]*>?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HtmlTag();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryCode();
}
