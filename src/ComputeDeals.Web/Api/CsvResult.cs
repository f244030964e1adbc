namespace ComputeDeals.Web.Api;

/// <summary>
/// The one CSV table writer (the API's downloads and the release zip's files): a header, then one
/// record per row written as it comes through one reusable record buffer, flushed every
/// <see cref="FlushEvery"/> rows, never a list of all rows, so memory stays flat however many rows there are.
/// </summary>
public static class CsvTable
{
    public const int FlushEvery = 500;

    /// <summary>UTF-8 without a byte-order mark.</summary>
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync<T>(
        TextWriter writer, IReadOnlyList<string> header, IAsyncEnumerable<T> rows, Action<T, CsvRecordBuilder> writeRow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writeRow);
        var record = new CsvRecordBuilder().Header(header);
        await writer.WriteAsync(record.Record, cancellationToken);

        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            record.Clear();
            writeRow(row, record);
            record.EndRecord();
            await writer.WriteAsync(record.Record, cancellationToken);
            if (++count % FlushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }
}

/// <summary>A CSV download: <see cref="CsvTable"/> streamed straight to the response body as an attachment.</summary>
public sealed class CsvResult<T>(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<T> rows, Action<T, CsvRecordBuilder> writeRow)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "text/csv; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        response.Headers.CacheControl = "public, max-age=60";

        await using var writer = new StreamWriter(response.Body, CsvTable.Encoding, bufferSize: 16 * 1024, leaveOpen: true);
        await CsvTable.WriteAsync(writer, header, rows, writeRow, httpContext.RequestAborted);
    }
}
