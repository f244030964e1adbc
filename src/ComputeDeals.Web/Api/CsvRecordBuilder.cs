namespace ComputeDeals.Web.Api;

/// <summary>
/// Builds one RFC 4180 record at a time: fields separated by commas, a field quoted when it
/// holds a comma, quote, CR or LF (quotes doubled), the record ended by CRLF. Text cells that a
/// spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading single quote, and
/// so does a cell that starts with one, so a reader (the deal import) strips exactly one leading quote.
/// </summary>
public sealed class CsvRecordBuilder
{
    private readonly StringBuilder _record = new(512);
    private bool _atStart = true;

    /// <summary>The record written so far, ended by CRLF once <see cref="EndRecord"/> was called.</summary>
    public StringBuilder Record => _record;

    /// <summary>A text cell, guarded against formula injection.</summary>
    public CsvRecordBuilder Text(string? value)
    {
        if (value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\'')
        {
            value = "'" + value;
        }

        return Raw(value);
    }

    /// <summary>A number in invariant round-trip form; empty when null.</summary>
    public CsvRecordBuilder Number(double? value) => Raw(value?.ToString("R", CultureInfo.InvariantCulture));

    public CsvRecordBuilder Number(int value) => Raw(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>An ISO 8601 date (yyyy-MM-dd); empty when null.</summary>
    public CsvRecordBuilder Date(DateOnly? value) => Raw(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>
    /// A figure as three cells, low, high and qualifier (camelCase): all empty when there is no figure,
    /// the bounds empty when it is undisclosed (never 0).
    /// </summary>
    public CsvRecordBuilder Figure(Figure? figure)
    {
        var disclosed = figure is { IsDisclosed: true };
        return Number(disclosed ? figure!.Low : null)
            .Number(disclosed ? figure!.High : null)
            .Text(figure is null ? null : DealCsvLayout.Name(disclosed ? figure.Qualifier : FigureQualifier.Undisclosed));
    }

    /// <summary>A header record: each column name as given, then CRLF.</summary>
    public CsvRecordBuilder Header(IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var column in columns)
        {
            Raw(column);
        }

        EndRecord();
        return this;
    }

    /// <summary>Ends the record with CRLF.</summary>
    public void EndRecord()
    {
        _record.Append("\r\n");
        _atStart = true;
    }

    public void Clear()
    {
        _record.Clear();
        _atStart = true;
    }

    /// <summary>A cell exactly as given (quoted when needed, never guarded): for headers and numbers.</summary>
    public CsvRecordBuilder Raw(string? value)
    {
        if (!_atStart)
        {
            _record.Append(',');
        }

        _atStart = false;
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _record.Append(value);
            return this;
        }

        _record.Append('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                _record.Append('"');
            }

            _record.Append(c);
        }

        _record.Append('"');
        return this;
    }
}
