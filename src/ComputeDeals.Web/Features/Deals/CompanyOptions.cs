using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace ComputeDeals.Web.Features.Deals;

/// <summary>
/// The company filter's &lt;option&gt; elements as one piece of markup. With every company that is party
/// to a deal (hundreds at 100,000 deals) they were most of the filter form's render tree; the markup is
/// built once per list of choices (one list per read-model snapshot) and the chosen company marked
/// <c>selected</c> by a string insert.
/// </summary>
public static class CompanyOptions
{
    private static readonly ConditionalWeakTable<IReadOnlyList<CompanyChoice>, string> Built = [];

    public static MarkupString Markup(IReadOnlyList<CompanyChoice> companies, string? selected)
    {
        ArgumentNullException.ThrowIfNull(companies);
        var markup = Built.GetValue(companies, Build);
        if (selected is null)
        {
            return new MarkupString(markup);
        }

        var option = OpenTag(selected);
        var at = markup.IndexOf(option, StringComparison.Ordinal);
        return new MarkupString(at < 0 ? markup : string.Concat(markup.AsSpan(0, at + option.Length - 1), " selected>", markup.AsSpan(at + option.Length)));
    }

    private static string Build(IReadOnlyList<CompanyChoice> companies)
    {
        var html = new StringBuilder(companies.Count * 64);
        foreach (var company in companies)
        {
            html.Append(OpenTag(company.Slug)).Append(HtmlEncoder.Default.Encode(company.Name)).Append("</option>");
        }

        return html.ToString();
    }

    private static string OpenTag(string slug) => "<option value=\"" + HtmlEncoder.Default.Encode(slug) + "\">";
}
