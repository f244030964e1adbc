namespace ComputeDeals.Web.Features.Import;

/// <summary>Thrown when a file is not well-formed CSV (RFC 4180).</summary>
public sealed class MalformedCsvException(string message) : Exception(message);

/// <summary>A small RFC 4180 reader: comma-separated, double-quoted fields with "" escapes and line breaks inside quotes.</summary>
public static class CsvParser
{
    public static List<string[]> Parse(string text, int maxRows = 10_000, int maxFieldLength = 20_000)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var quotedField = false;
        var line = 1;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                if (field.Length > 0 || quotedField)
                {
                    throw new MalformedCsvException($"Line {line}: a quote appears inside an unquoted field. Put the whole field in quotes and double any quote inside it (\"\").");
                }

                inQuotes = true;
                quotedField = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                quotedField = false;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                quotedField = false;
                AddRow(rows, fields, maxRows);
                fields = [];
                line++;
            }
            else
            {
                if (quotedField)
                {
                    throw new MalformedCsvException($"Line {line}: text follows a closing quote. Put a comma after the quoted field.");
                }

                field.Append(c);
            }

            if (field.Length > maxFieldLength)
            {
                throw new MalformedCsvException($"Line {line}: a field is longer than {maxFieldLength} characters.");
            }
        }

        if (inQuotes)
        {
            throw new MalformedCsvException($"Line {line}: a quoted field is never closed. Add the closing quote.");
        }

        if (field.Length > 0 || fields.Count > 0 || quotedField)
        {
            fields.Add(field.ToString());
            AddRow(rows, fields, maxRows);
        }

        return rows;
    }

    private static void AddRow(List<string[]> rows, List<string> fields, int maxRows)
    {
        // A blank line is not a row.
        if (fields.Count == 1 && fields[0].Length == 0)
        {
            return;
        }

        // maxRows counts data rows; the first row is the header.
        if (rows.Count > maxRows)
        {
            throw new MalformedCsvException($"The file has more than {maxRows} rows: split it into smaller files.");
        }

        rows.Add([.. fields]);
    }
}
