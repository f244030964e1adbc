using System.Text;

namespace ComputeDeals.Web.Api;

/// <summary>
/// Streams CSV records straight to the response body as they come: one reusable record buffer,
/// a flush every <see cref="FlushEvery"/> rows, never a list of all rows, so memory stays flat
/// however many rows match.
/// </summary>
public sealed class CsvResult<T>(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<T> rows, Action<T, CsvRecordBuilder> writeRow)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const int FlushEvery = 500;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "text/csv; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        response.Headers.CacheControl = "public, max-age=60";

        await using var writer = new StreamWriter(response.Body, Utf8NoBom, bufferSize: 16 * 1024, leaveOpen: true);
        var record = new CsvRecordBuilder();
        foreach (var name in header)
        {
            record.Raw(name);
        }

        record.EndRecord();
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
