using System.Globalization;
using System.Text;
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

    /// <summary>
    /// The errors of a record named by a required name or title and identified by a slug (deals, companies,
    /// data centers): the name under <paramref name="field"/>, the slug under "Slug".
    /// </summary>
    public static FieldErrors Named(string field, string label, string? name, int maxLength, string? slug)
    {
        var errors = new FieldErrors();
        Required(errors, field, label, name, maxLength);
        Slug(errors, "Slug", slug);
        return errors;
    }

    /// <summary>A reference picked from a list (an id): an error under <paramref name="field"/> when none is picked; true when one is.</summary>
    public static bool Picked(FieldErrors errors, string field, string what, int id)
    {
        if (id > 0)
        {
            return true;
        }

        errors.Add(field, $"Pick {what} from the list.");
        return false;
    }

    /// <summary>
    /// The one message for a reference picked from a list whose record is gone (never existed, or deleted since the form
    /// loaded it): the store check every editor and the CSV import's commit run says it.
    /// </summary>
    public static string Gone(string what) => $"That {what} does not exist (or was deleted): pick one from the list.";

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
        else if (FirstInvisible(value) is { } hidden)
        {
            errors.Add(field, $"Remove the invisible character {Describe(hidden)} from the {label}: it makes the text look like something it is not.");
        }
    }

    /// <summary>
    /// The first invisible formatting character (zero-width space, joiner, word joiner, soft hyphen,
    /// byte-order mark, or a bidirectional override or isolate) in the text, if any. Such characters
    /// let "Anthr\u200Bopic" pass for "Anthropic" or reverse how a name reads.
    /// </summary>
    public static char? FirstInvisible(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The first bidirectional control character (embedding, override, isolate, mark) in the text, if any.</summary>
    public static char? FirstBidiControl(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C')
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Trims text and puts it in Unicode normalisation form C (one code point per accented letter); blank becomes null.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>Like <see cref="Clean"/>, but blank becomes the empty string (for required fields).</summary>
    public static string CleanRequired(string? value) => Clean(value) ?? string.Empty;

    private static string Describe(char c) => c switch
    {
        '\u200B' => "U+200B (zero-width space)",
        '\u200C' => "U+200C (zero-width non-joiner)",
        '\u200D' => "U+200D (zero-width joiner)",
        '\u2060' => "U+2060 (word joiner)",
        '\uFEFF' => "U+FEFF (zero-width no-break space)",
        '\u00AD' => "U+00AD (soft hyphen)",
        _ when FirstBidiControl(c.ToString()) is not null => $"U+{(int)c:X4} (a right-to-left or left-to-right control)",
        _ => $"U+{(int)c:X4}",
    };

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
        else if (FirstBidiControl(value) is { } control)
        {
            errors.Add(field, $"Remove the invisible character {Describe(control)} from the {label}: it changes the order the text reads in.");
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

    /// <summary>
    /// An email address mail can be sent to: one bare address (no display name such as "Jo &lt;jo@example.com&gt;"), at most
    /// <see cref="FieldLimits.Email"/> characters. The one test for every address the site takes: a new account's (the
    /// admin page, <c>users add</c>, the first admin from configuration) and a reader's contact address on a correction.
    /// </summary>
    public static bool IsEmail(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= FieldLimits.Email
        && System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value;

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

    /// <summary>
    /// The one message for a slug another record of the kind uses now or used before (its old URLs redirect
    /// there): the editors' save and the CSV import both say it.
    /// </summary>
    public static string SlugTaken(string slug) =>
        $"The slug \"{slug}\" is already used by another record: change it, for example by adding the year.";

    /// <summary>
    /// A date between <see cref="MinDate"/> and <paramref name="latest"/> (or <see cref="MaxDate"/>). A required date
    /// that is null or left at its default (0001-01-01: what a date that must have a value holds when none was
    /// entered, such as a cleared form field or an empty import cell) is missing, and the message says so.
    /// </summary>
    public static void Date(FieldErrors errors, string field, string label, DateOnly? value, bool required, DateOnly? latest = null)
    {
        if (value is null || (required && value == default(DateOnly)))
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
            errors.Add(field, $"Enter {Article(label)} {label} between {MinDate:yyyy-MM-dd} and {max:yyyy-MM-dd}.");
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

    /// <summary>"a" or "an" before a label ("an announcement date", "a term start").</summary>
    public static string Article(string label) =>
        label.Length > 0 && "aeiouAEIOU".Contains(label[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length] + "…";

    [GeneratedRegex("<\\s*/?\\s*[a-zA-Z!][^>]*>?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HtmlTag();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryCode();
}
