namespace ComputeDeals.Web.Features.Analytics;

/// <summary>
/// The as-of date and roll-up flag an analytics request asks for (<c>asOf</c>, <c>rollup</c>): the one reading of them
/// for the /analytics page, /api/v1/analytics, the analytics embeds and oEmbed. A bad value is named in
/// <see cref="Errors"/> (by parameter, with what it accepts) and replaced by its default: today, not rolled up.
/// The API and the embeds answer 400 for it, oEmbed has no embed, the page shows the message and the default.
/// </summary>
/// <param name="AsOf">The date the results are for.</param>
/// <param name="Pinned">The date when the request names a valid one (an embed of it stays on that date); null follows today.</param>
/// <param name="RollUp">Whether subsidiaries are rolled up into their parents.</param>
/// <param name="Errors">Each bad parameter with its message; empty when both are valid.</param>
public sealed record AnalyticsSettings(DateOnly AsOf, DateOnly? Pinned, bool RollUp, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>Reads <c>asOf</c> (YYYY-MM-DD, default <paramref name="today"/>) and <c>rollup</c> (true/false, 1/0, default false).</summary>
    public static AnalyticsSettings Read(DateOnly today, string? asOf, string? rollup)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var pinned = QueryValues.Date("asOf", asOf, errors);

        var flag = ParseFlag(rollup);
        if (flag is null)
        {
            errors["rollup"] = [$"'{rollup}' is not a flag: use true or false."];
        }

        return new AnalyticsSettings(pinned ?? today, pinned, flag ?? false, errors);
    }

    /// <summary>Reads a roll-up flag: true/false, 1/0 or absent (false); null for anything else.</summary>
    public static bool? ParseFlag(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => null,
    };
}
