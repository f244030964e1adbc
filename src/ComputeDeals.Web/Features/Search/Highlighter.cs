using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace ComputeDeals.Web.Features.Search;

/// <summary>Wraps every case-insensitive occurrence of the query in &lt;mark&gt;, HTML-encoding all text first.</summary>
public static class Highlighter
{
    public static MarkupString Highlight(string? text, string query)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new MarkupString(string.Empty);
        }

        var encoder = HtmlEncoder.Default;
        if (string.IsNullOrEmpty(query))
        {
            return new MarkupString(encoder.Encode(text));
        }

        var html = new StringBuilder(text.Length + 32);
        var position = 0;
        while (position < text.Length)
        {
            var at = text.IndexOf(query, position, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                break;
            }

            html.Append(encoder.Encode(text[position..at]))
                .Append("<mark>").Append(encoder.Encode(text.Substring(at, query.Length))).Append("</mark>");
            position = at + query.Length;
        }

        html.Append(encoder.Encode(text[position..]));
        return new MarkupString(html.ToString());
    }
}
