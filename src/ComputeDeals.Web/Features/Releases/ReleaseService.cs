using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComputeDeals.Web.Features.Releases;

/// <summary>A release as the /data pages list it (no download bytes).</summary>
public sealed record ReleaseSummary(string Id, int Sequence, DateTimeOffset CreatedAt, string JsonSha256, long JsonBytes, string ZipSha256, long ZipBytes, IReadOnlyDictionary<string, int> Counts);

/// <summary>One record's difference between two releases.</summary>
public sealed record RecordChange(string Kind, int Id, string Name, IReadOnlyList<FieldChange> Fields);

/// <summary>What changed from the previous release to this one.</summary>
public sealed record ReleaseChangelog(string? PreviousId, IReadOnlyList<RecordChange> Added, IReadOnlyList<RecordChange> Removed, IReadOnlyList<RecordChange> Changed)
{
    public static readonly ReleaseChangelog Empty = new(null, [], [], []);
}

/// <summary>
/// Creates and reads releases: an immutable snapshot of every published record (the
/// <see cref="PublishedDataset"/>) stored as bytes with their SHA-256, one JSON document and a zip
/// of CSVs, numbered by day (2026-11-29.1, .2, …), with a changelog against the previous release.
/// </summary>
public sealed class ReleaseService(
    IDbContextFactory<AppDbContext> factory, TimeProvider time, IOptions<DataLicenseOptions> licenseOptions, IOptions<SiteOptions> siteOptions, Hosting.ContentCache cache)
{
    private static readonly JsonSerializerOptions ChangelogJson = new(JsonSerializerDefaults.Web);

    public DataLicense License => DataLicense.From(licenseOptions.Value);

    /// <summary>Makes a new release from the store as it is now.</summary>
    public async Task<DatasetRelease> CreateAsync(string createdBy, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dataset = await PublishedDatasetLoader.LoadAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        var day = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sameDay = await db.Releases.CountAsync(r => r.Id.StartsWith(day + "."), cancellationToken);
        var previous = await db.Releases.AsNoTracking().OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken);
        var id = $"{day}.{sameDay + 1}";
        var counts = Counts(dataset);
        var json = Document(id, now, dataset, counts);
        var zip = await ZipAsync(dataset, now, cancellationToken);
        var changelog = previous is null
            ? ReleaseChangelog.Empty
            : Compare(previous.Id, DatasetOf(previous.Json), dataset);
        var release = new DatasetRelease
        {
            Id = id,
            Sequence = (previous?.Sequence ?? 0) + 1,
            CreatedAt = now,
            CreatedBy = createdBy,
            Json = json,
            JsonSha256 = Sha256(json),
            Zip = zip,
            ZipSha256 = Sha256(zip),
            Counts = JsonSerializer.Serialize(counts),
            Changelog = JsonSerializer.Serialize(changelog, ChangelogJson),
        };
        db.Releases.Add(release);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Cached pages cite the newest release: drop them.
        await cache.InvalidateAsync(cancellationToken);
        return release;
    }

    public async Task<IReadOnlyList<ReleaseSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Releases.AsNoTracking().OrderByDescending(r => r.Sequence)
            .Select(r => new { r.Id, r.Sequence, r.CreatedAt, r.JsonSha256, JsonBytes = (long)r.Json.Length, r.ZipSha256, ZipBytes = (long)r.Zip.Length, r.Counts })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ReleaseSummary(r.Id, r.Sequence, r.CreatedAt, r.JsonSha256, r.JsonBytes, r.ZipSha256, r.ZipBytes, ParseCounts(r.Counts))).ToList();
    }

    /// <summary>The newest release's id, or null when none was made yet.</summary>
    public async Task<string?> LatestIdAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Releases.AsNoTracking().OrderByDescending(r => r.Sequence).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<(ReleaseSummary Summary, ReleaseChangelog Changelog)?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Releases.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Id, r.Sequence, r.CreatedAt, r.JsonSha256, JsonBytes = (long)r.Json.Length, r.ZipSha256, ZipBytes = (long)r.Zip.Length, r.Counts, r.Changelog })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var changelog = JsonSerializer.Deserialize<ReleaseChangelog>(row.Changelog, ChangelogJson) ?? ReleaseChangelog.Empty;
        return (new ReleaseSummary(row.Id, row.Sequence, row.CreatedAt, row.JsonSha256, row.JsonBytes, row.ZipSha256, row.ZipBytes, ParseCounts(row.Counts)), changelog);
    }

    /// <summary>A download's stored bytes and checksum: "json" or "zip".</summary>
    public async Task<(byte[] Bytes, string Sha256)?> DownloadAsync(string id, string format, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return format switch
        {
            "json" => await db.Releases.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Json, r.JsonSha256 }).FirstOrDefaultAsync(cancellationToken) is { } j ? (j.Json, j.JsonSha256) : null,
            "zip" => await db.Releases.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Zip, r.ZipSha256 }).FirstOrDefaultAsync(cancellationToken) is { } z ? (z.Zip, z.ZipSha256) : null,
            _ => null,
        };
    }

    /// <summary>The dataset a release holds (what ?release= answers from).</summary>
    public async Task<PublishedDataset?> DatasetAsync(string id, CancellationToken cancellationToken = default)
    {
        var download = await DownloadAsync(id, "json", cancellationToken);
        return download is null ? null : DatasetOf(download.Value.Bytes);
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static PublishedDataset DatasetOf(byte[] document)
    {
        using var parsed = JsonDocument.Parse(document);
        return PublishedDataset.FromJson(parsed.RootElement.GetProperty("data").GetRawText());
    }

    public static Dictionary<string, int> Counts(PublishedDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["deals"] = dataset.Deals.Count,
            ["companies"] = dataset.Companies.Count,
            ["dataCenters"] = dataset.DataCenters.Count,
            ["valuations"] = dataset.Valuations.Count,
            ["sources"] = dataset.Sources.Count,
        };
    }

    /// <summary>Records added, removed and changed (field by field) from one dataset to the next.</summary>
    public static ReleaseChangelog Compare(string? previousId, PublishedDataset before, PublishedDataset after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var added = new List<RecordChange>();
        var removed = new List<RecordChange>();
        var changed = new List<RecordChange>();
        void Kind<T>(string kind, IReadOnlyList<T> old, IReadOnlyList<T> fresh, Func<T, int> id, Func<T, string> name)
        {
            var oldById = old.ToDictionary(id);
            var newById = fresh.ToDictionary(id);
            foreach (var record in fresh.Where(r => !oldById.ContainsKey(id(r))))
            {
                added.Add(new RecordChange(kind, id(record), name(record), []));
            }

            foreach (var record in old.Where(r => !newById.ContainsKey(id(r))))
            {
                removed.Add(new RecordChange(kind, id(record), name(record), []));
            }

            foreach (var record in fresh.Where(r => oldById.ContainsKey(id(r))))
            {
                var fields = FieldDiff(oldById[id(record)]!, record!);
                if (fields.Count > 0)
                {
                    changed.Add(new RecordChange(kind, id(record), name(record), fields));
                }
            }
        }

        Kind("deal", before.Deals, after.Deals, d => d.Id, d => d.Title);
        Kind("company", before.Companies, after.Companies, c => c.Id, c => c.Name);
        Kind("dataCenter", before.DataCenters, after.DataCenters, d => d.Id, d => d.Name);
        Kind("valuation", before.Valuations, after.Valuations, v => v.Id, v => $"valuation {v.AsOf:yyyy-MM-dd} of company #{v.CompanyId}");
        Kind("source", before.Sources, after.Sources, s => s.Id, s => s.Title);
        return new ReleaseChangelog(previousId, added, removed, changed);
    }

    private static List<FieldChange> FieldDiff<T>(T before, T after)
    {
        var old = JsonSerializer.SerializeToNode(before, PublishedDataset.JsonOptions)!.AsObject();
        var fresh = JsonSerializer.SerializeToNode(after, PublishedDataset.JsonOptions)!.AsObject();
        var fields = new List<FieldChange>();
        foreach (var (name, value) in fresh)
        {
            if (name is "updatedAt")
            {
                continue;
            }

            var oldText = Text(old[name]);
            var newText = Text(value);
            if (!string.Equals(oldText, newText, StringComparison.Ordinal))
            {
                fields.Add(new FieldChange(name, oldText, newText));
            }
        }

        return fields;
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    private byte[] Document(string id, DateTimeOffset now, PublishedDataset dataset, Dictionary<string, int> counts)
    {
        var license = License;
        var document = new JsonObject
        {
            ["release"] = id,
            ["createdAt"] = now.UtcDateTime.ToString("o", CultureInfo.InvariantCulture),
            ["publisher"] = licenseOptions.Value.Publisher,
            ["license"] = license.Id,
            ["licenseUrl"] = license.Url,
            ["counts"] = JsonSerializer.SerializeToNode(counts),
            ["data"] = JsonSerializer.SerializeToNode(dataset, PublishedDataset.JsonOptions),
        };
        return Encoding.UTF8.GetBytes(document.ToJsonString());
    }

    /// <summary>
    /// One CSV per table, entries dated at the release time, all written by <see cref="CsvTable"/> with enum
    /// values in camelCase. deals.csv is the one deal layout (<see cref="DealCsvLayout"/>: parties, data
    /// centers and sources inline), so it imports as it is; the other tables carry ids, and every figure as
    /// low, high, qualifier and basis columns.
    /// </summary>
    private async Task<byte[]> ZipAsync(PublishedDataset data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            async Task Csv<T>(string name, IReadOnlyList<string> header, IEnumerable<T> rows, Action<T, CsvRecordBuilder> writeRow)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = now;
                await using var writer = new StreamWriter(entry.Open(), CsvTable.Encoding);
                await CsvTable.WriteAsync(writer, header, rows.ToAsyncEnumerable(), writeRow, cancellationToken);
            }

            static string[] FigureColumns(string prefix) => [$"{prefix}_low", $"{prefix}_high", $"{prefix}_qualifier", $"{prefix}_basis"];
            static CsvRecordBuilder FigureCells(CsvRecordBuilder csv, Figure? figure) =>
                csv.Figure(figure).Text(figure is null ? null : DealCsvLayout.Name(figure.Basis));
            static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => DealCsvLayout.Name(value);

            var snapshot = ReadSnapshot.Build(data, version: 0);
            var site = Uri.TryCreate(siteOptions.Value.PublicBaseUrl, UriKind.Absolute, out var configured) ? configured.AbsoluteUri.TrimEnd('/') : string.Empty;
            await Csv("deals.csv", DealCsvLayout.Columns, snapshot.Deals,
                (e, csv) => DealCsvLayout.Write(csv, e, snapshot, $"{site}/deals/{Uri.EscapeDataString(e.Deal.Slug)}"));
            await Csv("companies.csv", ["id", "slug", "name", "kind", "country", "website", "parent_id", "parent_since", "aliases", "description", "coverage"], data.Companies,
                (c, csv) => csv.Number(c.Id).Text(c.Slug).Text(c.Name).Text(Name(c.Kind)).Text(c.Country).Text(c.Website)
                    .Raw(c.ParentId?.ToString(CultureInfo.InvariantCulture)).Date(c.ParentSince).Text(string.Join("; ", c.Aliases)).Text(c.Description).Text(Name(c.Coverage)));
            await Csv("datacenters.csv", ["id", "slug", "name", "operator_id", "city", "region", "country", "latitude", "longitude", "status", "description"], data.DataCenters,
                (c, csv) => csv.Number(c.Id).Text(c.Slug).Text(c.Name).Number(c.OperatorId).Text(c.City).Text(c.Region).Text(c.Country)
                    .Number(c.Latitude).Number(c.Longitude).Text(Name(c.Status)).Text(c.Description));
            await Csv("capacity.csv", ["datacenter_id", "effective_date", "precision", .. FigureColumns("power_mw"), "accelerator_type", .. FigureColumns("accelerators"), "status", "source_id"],
                data.DataCenters.SelectMany(c => c.Capacity.Select(r => (CenterId: c.Id, Row: r))),
                (x, csv) => FigureCells(FigureCells(csv.Number(x.CenterId).Date(x.Row.EffectiveDate).Text(Name(x.Row.Precision)), x.Row.Power).Text(x.Row.AcceleratorType), x.Row.Accelerators)
                    .Text(Name(x.Row.Status)).Raw(x.Row.SourceId?.ToString(CultureInfo.InvariantCulture)));
            await Csv("valuations.csv", ["id", "company_id", "as_of", .. FigureColumns("amount_usd"), "basis", "source_id"], data.Valuations,
                (v, csv) => FigureCells(csv.Number(v.Id).Number(v.CompanyId).Date(v.AsOf), v.Amount).Text(Name(v.Basis)).Raw(v.SourceId?.ToString(CultureInfo.InvariantCulture)));
            await Csv("sources.csv", ["id", "url", "title", "publisher", "published_on"], data.Sources,
                (x, csv) => csv.Number(x.Id).Text(x.Url).Text(x.Title).Text(x.Publisher).Date(x.PublishedOn));
        }

        return stream.ToArray();
    }

    private static Dictionary<string, int> ParseCounts(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];
}
