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
    public Task<SuggestionView?> ForDealAsync(ClaimsPrincipal user, Deal deal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return ForAsync(user, EntityKind.Deal, deal.Id, cancellationToken);
    }

    /// <summary>The suggestion named in the page's address, when the user may see it and it is about this record.</summary>
    public async Task<SuggestionView?> ForAsync(ClaimsPrincipal user, EntityKind kind, int id, CancellationToken cancellationToken = default)
    {
        var query = QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query);
        if (id <= 0 || !query.TryGetValue("suggestion", out var value) || !int.TryParse(value, out var suggestionId))
        {
            return null;
        }

        var suggestion = await corrections.FindAsync(user, suggestionId, cancellationToken);
        return suggestion is not null && suggestion.Kind == kind && suggestion.Target?.Id == id ? suggestion : null;
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

    /// <summary>
    /// A company has no list of sources: the reader's source is added to its description as a
    /// "Source:" line (once) for the editor to keep, move or remove; what the reader wrote stays
    /// beside the form, never copied into a public field.
    /// </summary>
    public async Task ApplyAsync(ClaimsPrincipal user, Company? company, CancellationToken cancellationToken = default)
    {
        if (company is not null && await ForAsync(user, EntityKind.Company, company.Id, cancellationToken) is { } suggestion)
        {
            company.Description = WithSource(company.Description, suggestion.SourceUrl);
        }
    }

    /// <summary>As for a company: the source goes into the description (a capacity row's source is the editor's call).</summary>
    public async Task ApplyAsync(ClaimsPrincipal user, DataCenter? center, CancellationToken cancellationToken = default)
    {
        if (center is not null && await ForAsync(user, EntityKind.DataCenter, center.Id, cancellationToken) is { } suggestion)
        {
            center.Description = WithSource(center.Description, suggestion.SourceUrl);
        }
    }

    /// <summary>The text with a Markdown "Source: &lt;url&gt;" line at its end, unless it already names the URL.</summary>
    public static string? WithSource(string? text, string url)
    {
        if (string.IsNullOrWhiteSpace(url) || (text?.Contains(url, StringComparison.Ordinal) ?? false))
        {
            return text;
        }

        var line = $"Source: <{url}>";
        return string.IsNullOrWhiteSpace(text) ? line : $"{text.TrimEnd()}\n\n{line}";
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
