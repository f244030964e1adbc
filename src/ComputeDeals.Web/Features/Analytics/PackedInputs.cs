using System.IO.Compression;
using System.Text.Json;
using ComputeDeals.Core.Analytics;

namespace ComputeDeals.Web.Features.Analytics;

/// <summary>
/// The analytics inputs for one date, carried from prerendering into the circuit as Brotli-compressed
/// JSON. Persisted component state travels to the server in one SignalR message (32 KB by default);
/// the inputs repeat names and sources, so they compress about tenfold and the circuit recomputes the
/// results itself instead of querying again.
/// </summary>
public static class PackedInputs
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public sealed record Inputs(DateOnly AsOf, AnalyticsData Data);

    public static string Pack(Inputs inputs)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            JsonSerializer.Serialize(brotli, inputs, Json);
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    /// <summary>The inputs, or null when the text is not a packed state (then the page loads them again).</summary>
    public static Inputs? Unpack(string? packed)
    {
        if (string.IsNullOrEmpty(packed))
        {
            return null;
        }

        try
        {
            using var brotli = new BrotliStream(new MemoryStream(Convert.FromBase64String(packed)), CompressionMode.Decompress);
            return JsonSerializer.Deserialize<Inputs>(brotli, Json);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidDataException)
        {
            return null;
        }
    }
}
