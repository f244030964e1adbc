using ComputeDeals.Web.Features.History;

namespace ComputeDeals.Web.Features.Feeds;

/// <summary>
/// Builds the Atom feeds from the public query services, so a feed shows exactly the rows its page
/// shows: the timeline's first page for a filter, a company's deals, the deals holding a data
/// center's capacity, and the published change log.
/// </summary>
public sealed class FeedQuery(
    DealListQuery deals,
    CompanyProfileQuery companies,
    DataCenterProfileQuery dataCenters,
    ChangeHistoryQuery history)
{
    /// <summary>Entries per feed: the timeline's default page size.</summary>
    public const int EntryCount = DealFilter.DefaultPageSize;

    /// <summary>The "updated" of a feed with no entries: fixed, so that its ETag stays stable.</summary>
    public static readonly DateTimeOffset EmptyFeedUpdated = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Subtitle = "Compute capacity deals between AI labs, clouds and chip makers, with a source behind every figure.";

    /// <summary>The timeline's rows for <paramref name="filter"/> (first page, in the page's order).</summary>
    public async Task<AtomFeed> DealsAsync(DealFilter filter, FeedLinks links, CancellationToken cancellationToken = default)
    {
        var view = FeedView(filter);
        var page = await deals.QueryAsync(view, cancellationToken);
        var companyName = filter.Company is { } slug
            ? page.Items.SelectMany(d => d.Parties).FirstOrDefault(p => p.Slug == slug)?.Name
            : null;
        var title = "ComputeDeals: " + (filter.IsFiltered ? TimelineUrl.Title(filter, companyName) : "new deals");
        var query = view.ToQueryString();
        return Build(
            AtomFeedWriter.TagPrefix + "feeds/deals" + query,
            title,
            links.Absolute(FeedLinks.DealsFeedPath + query),
            links.Absolute(TimelineUrl.Path + query),
            page.Items,
            links);
    }

    /// <summary>A company's deals (any role); null when the company does not exist.</summary>
    public async Task<AtomFeed?> CompanyAsync(string slug, FeedLinks links, CancellationToken cancellationToken = default)
    {
        if (await companies.FindAsync(slug, cancellationToken) is not { Company: var company })
        {
            return null;
        }

        var page = await deals.QueryAsync(DealFilter.Default with { Company = company.Slug, PageSize = EntryCount }, cancellationToken);
        return RecordFeed(EntityKind.Company, company.Id, company.Slug, company.Name, page.Items, links);
    }

    /// <summary>The deals that hold a data center's capacity; null when it does not exist.</summary>
    public async Task<AtomFeed?> DataCenterAsync(string slug, FeedLinks links, CancellationToken cancellationToken = default) =>
        await dataCenters.FindAsync(slug, cancellationToken) is { DataCenter: var center } profile
            ? RecordFeed(EntityKind.DataCenter, center.Id, center.Slug, center.Name, profile.Holders.Select(h => h.Deal).Take(EntryCount).ToList(), links)
            : null;

    /// <summary>Published corrections and updates, newest first, each with its fields old → new.</summary>
    public async Task<AtomFeed> ChangesAsync(FeedLinks links, CancellationToken cancellationToken = default)
    {
        var changes = await history.PublishedAsync(EntryCount, cancellationToken);
        var entries = changes.Select(c => new AtomEntry(
            AtomFeedWriter.TagPrefix + "changes/" + c.Id.ToString(CultureInfo.InvariantCulture),
            $"{Labels.Capitalized(Labels.Of(c.Action))}: {c.EntityTitle}",
            c.At,
            links.Absolute(FeedLinks.EntityPath(c.Kind, c.EntitySlug!)),
            null,
            QueryValues.CamelCase(c.Kind.ToString()),
            c.Kind.ToString(),
            ChangeSummary(c))).ToList();
        return new AtomFeed(
            AtomFeedWriter.TagPrefix + "feeds/changes",
            "ComputeDeals: corrections and updates",
            "Every published change to a deal, company, data center or valuation, with the fields that changed (old → new).",
            links.Absolute(FeedLinks.ChangesFeedPath),
            links.Absolute("/deals"),
            entries.Count > 0 ? entries.Max(e => e.Updated) : EmptyFeedUpdated,
            entries);
    }

    /// <summary>The filter a deals feed runs: the page's filter, on its first page at the default size.</summary>
    public static DealFilter FeedView(DealFilter filter) =>
        (filter ?? DealFilter.Default) with { Page = 1, PageSize = EntryCount };

    /// <summary>
    /// "xAI (seller), Anthropic (buyer) · compute capacity sale or lease · Value ~$3–15B/year · Capacity at least 300 MW · 6 May 2026. Summary…":
    /// the figures read as the timeline card writes them ("Value undisclosed" included), through the one formatter.
    /// </summary>
    public static string DealText(DealSummary deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var parts = new List<string>
        {
            string.Join(", ", deal.Parties.Select(p => $"{p.Name} ({Labels.Of(p.Role)})")),
            Labels.Of(deal.Type),
            "Value " + deal.ValueText,
        };
        if (deal.Capacity is not null)
        {
            parts.Add("Capacity " + deal.CapacityText);
        }

        parts.Add(Labels.Date(deal.AnnouncedOn, deal.Precision));
        var text = string.Join(" · ", parts.Where(p => p.Length > 0)) + ".";
        return string.IsNullOrWhiteSpace(deal.Summary) ? text : text + " " + deal.Summary.Trim();
    }

    /// <summary>
    /// "Updated deal “…” on 6 May 2026 14:03 UTC. Value: ~$3B → ~$5B; Status: Announced → Closed": the action, the moment and the
    /// fields as the History list on the record's page reads them (a creation lists nothing old; a publish or delete does not restate its flag).
    /// </summary>
    public static string ChangeSummary(ChangeEntry change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var what = $"{Labels.Capitalized(Labels.Of(change.Action))} {change.Kind.ToString().ToLowerInvariant()} “{change.EntityTitle}” on {Labels.Moment(change.At)}.";
        var listed = ChangeFieldLabels.Listed(change.Action, change.Fields);
        if (listed.Count == 0)
        {
            return what;
        }

        var fields = change.Action == ChangeAction.Create
            ? listed.Select(f => $"{Label(f)}: {f.New ?? "—"}")
            : listed.Select(f => $"{Label(f)}: {f.Old ?? "—"} → {f.New ?? "—"}");
        return what + " " + string.Join("; ", fields) + ".";

        // The field as the History list on the record's page names it ("Value period", not "ValuePeriod").
        static string Label(FieldChange field) => Labels.Capitalized(ChangeFieldLabels.Of(field.Field));
    }

    /// <summary>One company's or data center's feed: its id is a tag on the database id, its alternate the record's page.</summary>
    private static AtomFeed RecordFeed(EntityKind kind, int id, string slug, string name, IReadOnlyList<DealSummary> rows, FeedLinks links) => Build(
        AtomFeedWriter.TagPrefix + "feeds/" + FeedLinks.Collection(kind) + "/" + id.ToString(CultureInfo.InvariantCulture),
        FeedLinks.RecordFeedTitle(name),
        links.Absolute(FeedLinks.RecordFeedPath(kind, slug)),
        links.Absolute(FeedLinks.EntityPath(kind, slug)),
        rows,
        links);

    private static AtomFeed Build(string id, string title, string self, string alternate, IReadOnlyList<DealSummary> rows, FeedLinks links)
    {
        var entries = rows.Select(d => new AtomEntry(
            AtomFeedWriter.TagPrefix + "deals/" + d.Id.ToString(CultureInfo.InvariantCulture),
            d.Title,
            d.UpdatedAt,
            links.Absolute(FeedLinks.EntityPath(EntityKind.Deal, d.Slug)),
            links.Absolute(OpenDataApi.Prefix + "/deals/" + Uri.EscapeDataString(d.Slug)),
            QueryValues.CamelCase(d.Type.ToString()),
            Labels.Of(d.Type),
            DealText(d))).ToList();
        return new AtomFeed(id, title, Subtitle, self, alternate, entries.Count > 0 ? entries.Max(e => e.Updated) : EmptyFeedUpdated, entries);
    }
}
