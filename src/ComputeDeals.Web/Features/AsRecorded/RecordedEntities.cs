using System.Text.RegularExpressions;

namespace ComputeDeals.Web.Features.AsRecorded;

/// <summary>
/// The records a flattened version names, as they are stored now: companies and data centers by
/// name (the names the change history wrote), sources by URL (for publisher and date).
/// </summary>
public sealed record RecordedLookups(
    IReadOnlyDictionary<string, Company> Companies,
    IReadOnlyDictionary<string, DataCenter> DataCenters,
    IReadOnlyDictionary<string, IReadOnlyList<Source>> Sources)
{
    public static readonly RecordedLookups Empty = new(
        new Dictionary<string, Company>(), new Dictionary<string, DataCenter>(), new Dictionary<string, IReadOnlyList<Source>>());
}

/// <summary>
/// Turns a record's flattened version (the field texts change records keep, see <see cref="Snapshots"/>)
/// back into the Core entity its permalink page renders, so an as-recorded page is the live page's
/// markup with the values of then. Each method returns null when a text does not read back (the
/// as-recorded page then lists the stored texts instead of guessing).
/// </summary>
public static partial class RecordedEntities
{
    /// <summary>The companies, data centers and source URLs a version names (what to look up).</summary>
    public static (IReadOnlyList<string> Companies, IReadOnlyList<string> DataCenters, IReadOnlyList<string> Urls) Names(EntityKind kind, Snapshot state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var companies = new List<string>();
        var centers = new List<string>();
        var urls = new List<string>();
        switch (kind)
        {
            case EntityKind.Deal:
                companies.AddRange(Items(state.GetValueOrDefault("Parties")).Select(p => SplitSuffix(p, " (").Head));
                centers.AddRange(Items(state.GetValueOrDefault("DataCenters")).Select(DataCenterName));
                urls.AddRange(Items(state.GetValueOrDefault("Sources")).Select(s => SourceParts(s)?.Url).OfType<string>());
                break;
            case EntityKind.Company:
                if (state.GetValueOrDefault("Parent") is { Length: > 0 } parent)
                {
                    companies.Add(parent);
                }

                break;
            case EntityKind.DataCenter:
                if (state.GetValueOrDefault("Operator") is { Length: > 0 } op)
                {
                    companies.Add(op);
                }

                urls.AddRange(Items(state.GetValueOrDefault("Capacity")).Select(r => CapacityParts(r)?.Url).OfType<string>());
                break;
        }

        return (companies, centers, urls);
    }

    /// <summary>The deal as its permalink showed it: parties in reading order, data centers by name, sources in footnote order.</summary>
    public static Deal? ToDeal(int id, Snapshot state, RecordedLookups lookups)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(lookups);
        if (state.GetValueOrDefault("Title") is not { Length: > 0 } title
            || Announced(state.GetValueOrDefault("Announced")) is not { } announced
            || !Enum.TryParse<DealType>(state.GetValueOrDefault("Type"), out var type)
            || !Enum.TryParse<DealStatus>(state.GetValueOrDefault("Status"), out var status)
            || !OptionalFigure(state.GetValueOrDefault("Value"), out var value)
            || !OptionalFigure(state.GetValueOrDefault("Capacity"), out var capacity)
            || !OptionalFigure(state.GetValueOrDefault("Accelerators"), out var accelerators))
        {
            return null;
        }

        var parties = new List<DealParty>();
        foreach (var (item, index) in Items(state.GetValueOrDefault("Parties")).Select((p, i) => (p, i)))
        {
            var (name, role) = SplitSuffix(item, " (");
            if (!role.EndsWith(')') || !Enum.TryParse<PartyRole>(role[..^1], out var partyRole))
            {
                return null;
            }

            var company = CompanyNamed(lookups, name);
            parties.Add(new DealParty { Id = index, DealId = id, CompanyId = company.Id, Company = company, Role = partyRole });
        }

        var centers = new List<DealDataCenter>();
        foreach (var item in Items(state.GetValueOrDefault("DataCenters")))
        {
            var name = DataCenterName(item);
            Figure? share = null;
            if (name.Length < item.Length && !OptionalFigure(item[(name.Length + 2)..^1], out share))
            {
                return null;
            }

            var center = lookups.DataCenters.TryGetValue(name, out var known)
                ? new DataCenter { Id = known.Id, Name = known.Name, Slug = known.Slug }
                : new DataCenter { Name = name, Slug = Slugs.From(name) };
            centers.Add(new DealDataCenter { DealId = id, DataCenterId = center.Id, DataCenter = center, Share = share });
        }

        var sources = new List<DealSource>();
        foreach (var item in Items(state.GetValueOrDefault("Sources")))
        {
            if (SourceParts(item) is not { } parts || !Enum.TryParse<SourceSupports>(parts.Supports, out var supports))
            {
                return null;
            }

            var source = SourceAt(lookups, parts.Url, parts.Title);
            sources.Add(new DealSource { DealId = id, SourceId = source.Id, Source = source, Ordinal = sources.Count + 1, Supports = supports });
        }

        return new Deal
        {
            Id = id,
            Title = title,
            Slug = state.GetValueOrDefault("Slug") ?? string.Empty,
            AnnouncedOn = announced.Date,
            AnnouncedPrecision = announced.Precision,
            Type = type,
            Status = status,
            Parties = [.. parties.OrderBy(p => Labels.ReadingSide(p.Role)).ThenBy(p => p.Id)],
            DataCenters = [.. centers.OrderBy(x => x.DataCenter!.Name)],
            Value = value ?? Figure.Undisclosed(),
            ValuePeriod = Enum.TryParse<ValuePeriod>(state.GetValueOrDefault("ValuePeriod"), out var period) ? period : default,
            Capacity = capacity,
            Accelerators = accelerators,
            TermStart = Date(state.GetValueOrDefault("TermStart")),
            TermEnd = Date(state.GetValueOrDefault("TermEnd")),
            TermMonths = int.TryParse(state.GetValueOrDefault("TermMonths"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var months) ? months : null,
            Summary = state.GetValueOrDefault("Summary"),
            Sources = sources,
            IsPublished = true,
        };
    }

    /// <summary>The company as its page's own part showed it (kind, country, website, name, parent, aliases, description).</summary>
    public static Company? ToCompany(int id, Snapshot state, RecordedLookups lookups)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(lookups);
        if (state.GetValueOrDefault("Name") is not { Length: > 0 } name || !Enum.TryParse<CompanyKind>(state.GetValueOrDefault("Kind"), out var kind))
        {
            return null;
        }

        var parentName = state.GetValueOrDefault("Parent");
        var parent = string.IsNullOrEmpty(parentName) ? null : CompanyNamed(lookups, parentName);
        return new Company
        {
            Id = id,
            Name = name,
            Slug = state.GetValueOrDefault("Slug") ?? string.Empty,
            Kind = kind,
            Coverage = Enum.TryParse<CapacityCoverage>(state.GetValueOrDefault("Coverage"), out var coverage) ? coverage : CapacityCoverage.NotTracked,
            Country = Blank(state.GetValueOrDefault("Country")),
            Website = Blank(state.GetValueOrDefault("Website")),
            Description = state.GetValueOrDefault("Description"),
            ParentId = parent?.Id,
            Parent = parent,
            ParentSince = Date(state.GetValueOrDefault("ParentSince")),
            Aliases = [.. Items(state.GetValueOrDefault("Aliases")).Select(a => new CompanyAlias { CompanyId = id, Name = a })],
        };
    }

    /// <summary>The data center with its operator and capacity timeline (by date) as its page showed them.</summary>
    public static DataCenter? ToDataCenter(int id, Snapshot state, RecordedLookups lookups, IReadOnlyList<CapacityRow> currentRows)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(currentRows);
        if (state.GetValueOrDefault("Name") is not { Length: > 0 } name
            || state.GetValueOrDefault("Operator") is not { Length: > 0 } operatorName
            || !Enum.TryParse<FacilityStatus>(state.GetValueOrDefault("Status"), out var facility))
        {
            return null;
        }

        double? latitude = null, longitude = null;
        if (state.GetValueOrDefault("Location") is { Length: > 0 } location)
        {
            var parts = location.Split(", ");
            if (parts.Length != 2 || Number(parts[0]) is not { } lat || Number(parts[1]) is not { } lon)
            {
                return null;
            }

            (latitude, longitude) = (lat, lon);
        }

        var rows = new List<CapacityRow>();
        foreach (var item in Items(state.GetValueOrDefault("Capacity")))
        {
            if (CapacityParts(item) is not { } row)
            {
                return null;
            }

            // The flattened row keeps the day, not how precise it was: a row of the same day today tells.
            var precision = currentRows.FirstOrDefault(r => r.EffectiveDate == row.Date)?.Precision ?? DatePrecision.Day;
            rows.Add(new CapacityRow(row.Date, precision, row.Power, row.AcceleratorType, row.Accelerators, row.Status)
            {
                Id = rows.Count,
                DataCenterId = id,
                Source = row.Url is null ? null : SourceAt(lookups, row.Url, null),
            });
        }

        var op = CompanyNamed(lookups, operatorName);
        return new DataCenter
        {
            Id = id,
            Name = name,
            Slug = state.GetValueOrDefault("Slug") ?? string.Empty,
            OperatorId = op.Id,
            Operator = op,
            City = Blank(state.GetValueOrDefault("City")),
            Region = Blank(state.GetValueOrDefault("Region")),
            Country = Blank(state.GetValueOrDefault("Country")),
            Latitude = latitude,
            Longitude = longitude,
            Status = facility,
            Description = state.GetValueOrDefault("Description"),
            Capacity = [.. rows.OrderBy(r => r.EffectiveDate).ThenBy(r => r.Id)],
        };
    }

    /// <summary>Reads a figure as <see cref="Snapshot.Of(Figure?, FigureUnit)"/> wrote it: "$5B [Exact, Reported, 5000000000..5000000000; note]".</summary>
    public static Figure? ReadFigure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = FigurePattern().Match(text);
        if (!match.Success
            || !Enum.TryParse<FigureQualifier>(match.Groups["q"].Value, out var qualifier)
            || !Enum.TryParse<FigureBasis>(match.Groups["b"].Value, out var basis))
        {
            return null;
        }

        double? low = null, high = null;
        if (match.Groups["lo"].Success)
        {
            low = match.Groups["lo"].Value == "–" ? null : Number(match.Groups["lo"].Value);
            high = match.Groups["hi"].Value == "–" ? null : Number(match.Groups["hi"].Value);
        }

        return new Figure
        {
            Low = low,
            High = high,
            Qualifier = qualifier,
            Basis = basis,
            Note = match.Groups["note"].Success ? match.Groups["note"].Value : null,
        };
    }

    /// <summary>"a; b (x; y); c" → a, b (x; y), c: the change history joins lists with "; ", and brackets protect figures' notes.</summary>
    public static IReadOnlyList<string> Items(string? list)
    {
        if (string.IsNullOrEmpty(list))
        {
            return [];
        }

        var items = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        for (var i = 0; i < list.Length; i++)
        {
            var c = list[i];
            if (c is '[' or '(' or '<')
            {
                depth++;
            }
            else if (c is ']' or ')' or '>' && depth > 0)
            {
                depth--;
            }

            if (depth == 0 && c == ';' && i + 1 < list.Length && list[i + 1] == ' ')
            {
                items.Add(current.ToString());
                current.Clear();
                i++;
                continue;
            }

            current.Append(c);
        }

        items.Add(current.ToString());
        return items.Where(s => s.Length > 0).ToList();
    }

    private static bool OptionalFigure(string? text, out Figure? figure)
    {
        figure = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        figure = ReadFigure(text);
        return figure is not null;
    }

    private static (DateOnly Date, DatePrecision Precision)? Announced(string? text)
    {
        // "2026-05-01 (Day)"
        if (text is null || text.Length < 10 || Date(text[..10]) is not { } date)
        {
            return null;
        }

        var rest = text[10..].Trim();
        return rest.Length > 2 && rest[0] == '(' && rest[^1] == ')' && Enum.TryParse<DatePrecision>(rest[1..^1], out var precision)
            ? (date, precision)
            : (date, DatePrecision.Day);
    }

    /// <summary>"Name (role)" → ("Name", "role)"): the last opening at bracket depth zero.</summary>
    private static (string Head, string Tail) SplitSuffix(string item, string opener)
    {
        var at = item.LastIndexOf(opener, StringComparison.Ordinal);
        return at < 0 ? (item, string.Empty) : (item[..at], item[(at + opener.Length)..]);
    }

    /// <summary>"Barber Lake ($… MW [Exact, …])" → "Barber Lake"; a name without a share is the whole item.</summary>
    private static string DataCenterName(string item)
    {
        if (!item.EndsWith("])", StringComparison.Ordinal))
        {
            return item;
        }

        var depth = 0;
        for (var i = item.Length - 1; i >= 0; i--)
        {
            if (item[i] is ')' or ']')
            {
                depth++;
            }
            else if (item[i] is '(' or '[')
            {
                depth--;
                if (depth == 0)
                {
                    return i > 0 && item[i - 1] == ' ' ? item[..(i - 1)] : item;
                }
            }
        }

        return item;
    }

    /// <summary>"Title &lt;https://…&gt; [Value, Capacity]".</summary>
    private static (string Title, string Url, string Supports)? SourceParts(string item)
    {
        var match = SourcePattern().Match(item);
        return match.Success ? (match.Groups["title"].Value, match.Groups["url"].Value, match.Groups["supports"].Value) : null;
    }

    /// <summary>"2026-05-01: 300 MW [Exact, Reported, 300..300], Operational, 100,000 [Exact, Reported, …] H100 &lt;https://…&gt;".</summary>
    private static (DateOnly Date, Figure Power, FacilityStatus Status, Figure? Accelerators, string? AcceleratorType, string? Url)? CapacityParts(string item)
    {
        var colon = item.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0 || Date(item[..colon]) is not { } date)
        {
            return null;
        }

        var rest = item[(colon + 2)..];
        string? url = null;
        if (rest.EndsWith('>') && rest.LastIndexOf(" <", StringComparison.Ordinal) is var open and > 0)
        {
            url = rest[(open + 2)..^1];
            rest = rest[..open];
        }

        var powerEnd = FigureEnd(rest, 0);
        if (powerEnd < 0 || ReadFigure(rest[..powerEnd]) is not { } power || !rest[powerEnd..].StartsWith(", ", StringComparison.Ordinal))
        {
            return null;
        }

        rest = rest[(powerEnd + 2)..];
        var comma = rest.IndexOf(", ", StringComparison.Ordinal);
        var statusText = comma < 0 ? rest : rest[..comma];
        if (!Enum.TryParse<FacilityStatus>(statusText, out var status))
        {
            return null;
        }

        if (comma < 0)
        {
            return (date, power, status, null, null, url);
        }

        rest = rest[(comma + 2)..];
        var accEnd = FigureEnd(rest, 0);
        if (accEnd < 0 || ReadFigure(rest[..accEnd]) is not { } accelerators)
        {
            return null;
        }

        var type = rest[accEnd..].Trim();
        return (date, power, status, accelerators, type.Length == 0 ? null : type, url);
    }

    /// <summary>The index just past the "]" that closes a figure's "[qualifier, basis…]" starting at or after <paramref name="from"/>.</summary>
    private static int FigureEnd(string text, int from)
    {
        var open = text.IndexOf(" [", from, StringComparison.Ordinal);
        if (open < 0)
        {
            return -1;
        }

        var depth = 0;
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '[')
            {
                depth++;
            }
            else if (text[i] == ']' && --depth == 0)
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static Company CompanyNamed(RecordedLookups lookups, string name) =>
        lookups.Companies.TryGetValue(name, out var known)
            ? new Company { Id = known.Id, Name = name, Slug = known.Slug, Kind = known.Kind }
            : new Company { Name = name, Slug = Slugs.From(name) };

    /// <summary>The stored source with this URL (and title, when two share a URL) for its publisher and date.</summary>
    private static Source SourceAt(RecordedLookups lookups, string url, string? title) =>
        lookups.Sources.TryGetValue(url, out var candidates) && (candidates.FirstOrDefault(s => s.Title == title) ?? (candidates.Count > 0 ? candidates[0] : null)) is { } known
            ? new Source { Id = known.Id, Url = url, Title = title ?? known.Title, Publisher = known.Publisher, PublishedOn = known.PublishedOn }
            : new Source { Url = url, Title = title ?? url };

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    [GeneratedRegex(@"^(?<text>.*) \[(?<q>Exact|Approximately|UpTo|AtLeast|Undisclosed), (?<b>Reported|Estimated|Calculated)(, (?<lo>–|[-0-9.E+]+?)\.\.(?<hi>–|[-0-9.E+]+))?(; (?<note>.*))?\]$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FigurePattern();

    [GeneratedRegex(@"^(?<title>.*) <(?<url>[^<>]*)> \[(?<supports>[A-Za-z, ]+)\]$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SourcePattern();
}
