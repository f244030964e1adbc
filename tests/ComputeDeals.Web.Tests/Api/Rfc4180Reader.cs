using System.Text;

namespace ComputeDeals.Web.Tests.Api;

/// <summary>
/// A strict RFC 4180 reader for checking exports: records end with CRLF, a quoted field may hold
/// commas, doubled quotes, CR and LF; a bare CR or LF outside quotes or a stray quote is an error.
/// </summary>
public static class Rfc4180Reader
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("Unterminated quoted field.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                if (i < text.Length && text[i] is not (',' or '\r'))
                {
                    throw new FormatException($"Unexpected '{text[i]}' after a quoted field at {i}.");
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    i += 2;
                    break;
                case '\r' or '\n':
                    throw new FormatException($"Bare line break outside quotes at {i}.");
                case '"':
                    throw new FormatException($"Quote inside an unquoted field at {i}.");
                default:
                    field.Append(c);
                    i++;
                    break;
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            throw new FormatException("The last record does not end with CRLF.");
        }

        return records;
    }

    /// <summary>The data rows as dictionaries keyed by the header row's names.</summary>
    public static List<Dictionary<string, string>> ParseWithHeader(string text, out List<string> header)
    {
        var records = Parse(text);
        header = records[0];
        var names = header;
        return records.Skip(1).Select(r =>
        {
            Assert.Equal(names.Count, r.Count);
            return names.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }).ToList();
    }
}
