using ComputeDeals.Web.Features.Corrections;
using ComputeDeals.Web.Features.History;

namespace ComputeDeals.Web.Features.AsRecorded;

/// <summary>Links from a permalink's history list to each published version (?asOf=the change's instant).</summary>
public static class VersionLinks
{
    /// <summary>
    /// The entries after which the record was public. A permalink only shows a public record, so
    /// walking from the newest change back, each older change's state is the newer one's "old" values.
    /// </summary>
    public static IReadOnlySet<long> Published(IReadOnlyList<ChangeEntry> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        var result = new HashSet<long>();
        var published = true;
        var deleted = false;
        foreach (var entry in newestFirst)
        {
            if (published && !deleted)
            {
                result.Add(entry.Id);
            }

            foreach (var field in entry.Fields)
            {
                if (field.Field == "Published")
                {
                    published = field.Old == "yes";
                }
                else if (field.Field == "Deleted")
                {
                    deleted = field.Old == "yes";
                }
            }

            if (entry.Kind != EntityKind.Deal && entry.Action == ChangeAction.Create)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>The as-recorded URL of the version an entry made, or null when the page is not a public permalink.</summary>
    public static string? Href(string currentPath, ChangeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return currentPath.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var segment, var slug] && CorrectionPaths.KindOf(segment) is not null
            ? $"/{segment}/{slug}?asOf={entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)}"
            : null;
    }
}
