using System.Text.Json;

namespace ComputeDeals.Web.Features.Releases;

/// <summary>
/// One thing to cite (a record, the analytics view or the dataset), pinned to a release, with its
/// plain-text, BibTeX, RIS and CSL-JSON forms.
/// </summary>
public sealed record Citation(string Title, string Site, string Publisher, string? ReleaseId, string Url, DateOnly Accessed, DateOnly? Issued)
{
    /// <summary>A stable key for BibTeX: site, release (or access date) and a slug of the title.</summary>
    public string Key
    {
        get
        {
            var slug = new string(Title.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24).ToArray());
            var pin = (ReleaseId ?? Accessed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Replace("-", string.Empty, StringComparison.Ordinal).Replace(".", "_", StringComparison.Ordinal);
            return $"computedeals_{slug}_{pin}";
        }
    }

    public string PlainText =>
        $"{Publisher}. \u201C{Title}.\u201D {Site}" + (ReleaseId is null ? string.Empty : $", release {ReleaseId}") + $". {Url} (accessed {Accessed.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}).";

    public string BibTeX
    {
        get
        {
            var text = new StringBuilder();
            text.Append("@misc{").Append(Key).Append(",\n");
            Field(text, "title", Title);
            text.Append("  author = {{").Append(EscapeBibTeX(Publisher)).Append("}},\n");
            Field(text, "howpublished", Site);
            if (ReleaseId is not null)
            {
                Field(text, "version", ReleaseId);
            }

            if (Issued is { } issued)
            {
                Field(text, "year", issued.Year.ToString(CultureInfo.InvariantCulture));
            }

            text.Append("  url = {").Append(OneLine(Url).Replace("{", "%7B", StringComparison.Ordinal).Replace("}", "%7D", StringComparison.Ordinal)).Append("},\n");
            Field(text, "urldate", Accessed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Field(text, "note", $"Accessed {Accessed.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}", last: true);
            text.Append("}\n");
            return text.ToString();

            static void Field(StringBuilder text, string name, string value, bool last = false) =>
                text.Append("  ").Append(name).Append(" = {").Append(EscapeBibTeX(value)).Append('}').Append(last ? "\n" : ",\n");
        }
    }

    public string Ris
    {
        get
        {
            var text = new StringBuilder();
            void Tag(string tag, string? value)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    text.Append(tag).Append("  - ").Append(OneLine(value)).Append("\r\n");
                }
            }

            Tag("TY", ReleaseId is null ? "ELEC" : "DATA");
            Tag("TI", Title);
            Tag("AU", Publisher);
            Tag("PB", Site);
            Tag("ET", ReleaseId);
            Tag("PY", Issued?.Year.ToString(CultureInfo.InvariantCulture));
            Tag("UR", Url);
            Tag("Y2", Accessed.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
            Tag("ER", " ");
            return text.ToString().Replace("ER  -  \r\n", "ER  - \r\n", StringComparison.Ordinal);
        }
    }

    public string CslJson => JsonSerializer.Serialize(new[]
    {
        new Dictionary<string, object?>
        {
            ["id"] = Key,
            ["type"] = ReleaseId is null ? "webpage" : "dataset",
            ["title"] = Title,
            ["author"] = new[] { new Dictionary<string, string> { ["literal"] = Publisher } },
            ["publisher"] = Site,
            ["version"] = ReleaseId,
            ["URL"] = Url,
            ["issued"] = Issued is { } issued ? new Dictionary<string, int[][]> { ["date-parts"] = [[issued.Year, issued.Month, issued.Day]] } : null,
            ["accessed"] = new Dictionary<string, int[][]> { ["date-parts"] = [[Accessed.Year, Accessed.Month, Accessed.Day]] },
        },
    }, CslOptions);

    private static readonly JsonSerializerOptions CslOptions = new() { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Braces balanced and TeX specials escaped, so any title parses.</summary>
    private static string EscapeBibTeX(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in OneLine(value))
        {
            _ = c switch
            {
                '{' or '}' => text.Append('\\').Append(c),
                '&' or '%' or '$' or '#' or '_' => text.Append('\\').Append(c),
                '\\' => text.Append("\\textbackslash{}"),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }

    private static string OneLine(string value) => string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
