using System.Security.Claims;
using ComputeDeals.Core.Domain;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace ComputeDeals.Web.Features.Corrections;

/// <summary>
/// An edit form opened from an accepted suggestion (?suggestion=N) starts prefilled: the reader's
/// source is already a new row of the record's sources (the suggestion itself sits beside the form,
/// see <see cref="SuggestionPanel"/>). The editor checks it, changes the fields and saves: the second click.
/// </summary>
public sealed class SuggestionPrefill(CorrectionService corrections, NavigationManager navigation)
{
    /// <summary>The suggestion named in the page's address, when the user may see it and it is about this deal.</summary>
    public async Task<SuggestionView?> ForDealAsync(ClaimsPrincipal user, Deal deal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var query = QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query);
        if (!query.TryGetValue("suggestion", out var value) || !int.TryParse(value, out var id))
        {
            return null;
        }

        var suggestion = await corrections.FindAsync(user, id, cancellationToken);
        return suggestion is { Kind: EntityKind.Deal } && suggestion.Target?.Id == deal.Id ? suggestion : null;
    }

    /// <summary>Adds the suggestion's source to the deal's sources (once), titled by its site for the editor to refine.</summary>
    public async Task ApplyAsync(ClaimsPrincipal user, Deal? deal, CancellationToken cancellationToken = default)
    {
        if (deal is null || await ForDealAsync(user, deal, cancellationToken) is not { } suggestion)
        {
            return;
        }

        AddSource(deal, suggestion.SourceUrl);
    }

    public static void AddSource(Deal deal, string url)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if (string.IsNullOrWhiteSpace(url) || deal.Sources.Any(s => string.Equals(s.Source?.Url, url, StringComparison.Ordinal)))
        {
            return;
        }

        var host = Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed.Host : url;
        deal.Sources.Add(new DealSource
        {
            Source = new Source { Url = url, Title = $"Source suggested by a reader ({host})" },
            Ordinal = deal.Sources.Count + 1,
            Supports = SourceSupports.General,
        });
    }
}
