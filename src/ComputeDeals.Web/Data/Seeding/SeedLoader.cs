using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComputeDeals.Web.Data.Seeding;

/// <summary>
/// Loads data/seed/*.json into an empty database in one transaction. Idempotent: a database
/// that already holds companies is left alone.
/// </summary>
public sealed class SeedLoader(IDbContextFactory<AppDbContext> factory, TimeProvider time, ILogger<SeedLoader> logger)
{
    public const string SeedUser = "seed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// The seed obeys the editors' rules: names pass <see cref="CompanyRules"/> (no invisible or
    /// direction characters, no markup) and no two companies share a name skeleton (lookalikes).
    /// </summary>
    private static void CheckCompanies(IEnumerable<Company> companies)
    {
        var bySkeleton = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var company in companies)
        {
            var errors = new FieldErrors();
            TextRules.Required(errors, "Name", "name", company.Name, FieldLimits.Name);
            for (var i = 0; i < company.Aliases.Count; i++)
            {
                TextRules.Required(errors, $"Aliases[{i}].Name", "alias", company.Aliases[i].Name, FieldLimits.Name);
            }

            if (!errors.IsValid)
            {
                var field = errors.Fields.First();
                throw new InvalidDataException($"Seed company '{company.Slug}', {field}: {errors.For(field)}");
            }

            if (!bySkeleton.TryAdd(NameSkeleton.Of(company.Name), company.Slug))
            {
                throw new InvalidDataException($"Seed companies '{bySkeleton[NameSkeleton.Of(company.Name)]}' and '{company.Slug}' have lookalike names.");
            }
        }
    }

    public async Task<bool> SeedIfEmptyAsync(string directory, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Companies.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            logger.LogInformation("Database already holds data; seeding skipped");
            return false;
        }

        var companies = await ReadAsync<SeedCompany>(directory, "companies.json", cancellationToken);
        var sources = await ReadAsync<SeedSource>(directory, "sources.json", cancellationToken);
        var valuations = await ReadAsync<SeedValuation>(directory, "valuations.json", cancellationToken);
        var dataCenters = await ReadAsync<SeedDataCenter>(directory, "datacenters.json", cancellationToken);
        var deals = await ReadAsync<SeedDeal>(directory, "deals.json", cancellationToken);

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var sourceByKey = sources.ToDictionary(
            s => s.Key,
            s => new Source { Url = s.Url, Title = s.Title, Publisher = s.Publisher, PublishedOn = s.PublishedOn },
            StringComparer.Ordinal);
        db.Sources.AddRange(sourceByKey.Values);

        var companyBySlug = companies.ToDictionary(
            c => c.Slug,
            c => new Company
            {
                Name = TextRules.CleanRequired(c.Name),
                Slug = c.Slug,
                Kind = c.Kind,
                Coverage = c.Coverage,
                Country = c.Country,
                Website = c.Website,
                Description = c.Description,
                ParentSince = c.ParentSince,
                Aliases = (c.Aliases ?? []).Select(a => new CompanyAlias { Name = TextRules.CleanRequired(a) }).ToList(),
                CreatedAt = now,
                UpdatedAt = now,
            },
            StringComparer.Ordinal);
        foreach (var seed in companies.Where(c => c.Parent is not null))
        {
            companyBySlug[seed.Slug].Parent = Lookup(companyBySlug, seed.Parent!, "company");
        }

        CheckCompanies(companyBySlug.Values);
        db.Companies.AddRange(companyBySlug.Values);

        db.Valuations.AddRange(valuations.Select(v => new Valuation
        {
            Company = Lookup(companyBySlug, v.Company, "company"),
            AsOf = v.AsOf,
            Amount = v.Amount,
            Basis = v.Basis,
            Source = v.Source is null ? null : Lookup(sourceByKey, v.Source, "source"),
            CreatedAt = now,
            UpdatedAt = now,
        }));

        var dataCenterBySlug = dataCenters.ToDictionary(
            d => d.Slug,
            d => new DataCenter
            {
                Name = d.Name,
                Slug = d.Slug,
                Operator = Lookup(companyBySlug, d.Operator, "company"),
                City = d.City,
                Region = d.Region,
                Country = d.Country,
                Latitude = d.Latitude,
                Longitude = d.Longitude,
                Status = d.Status,
                Description = d.Description,
                Capacity = (d.Capacity ?? []).Select(r => new CapacityRow(r.Date, r.Precision ?? DatePrecision.Day, r.PowerMw, r.AcceleratorType, r.Accelerators, r.Status)
                {
                    Source = r.Source is null ? null : Lookup(sourceByKey, r.Source, "source"),
                }).ToList(),
                CreatedAt = now,
                UpdatedAt = now,
            },
            StringComparer.Ordinal);
        db.DataCenters.AddRange(dataCenterBySlug.Values);

        var dealEntities = deals.Select(d => new Deal
        {
            Title = d.Title,
            Slug = d.Slug,
            AnnouncedOn = d.Announced,
            AnnouncedPrecision = d.Precision ?? DatePrecision.Day,
            Type = d.Type,
            Status = d.Status,
            Parties = d.Parties.Select(p => new DealParty { Company = Lookup(companyBySlug, p.Company, "company"), Role = p.Role }).ToList(),
            DataCenters = (d.DataCenters ?? []).Select(x => new DealDataCenter
            {
                DataCenter = Lookup(dataCenterBySlug, x.Slug, "data center"),
                Share = x.ShareMw,
            }).ToList(),
            Value = d.Value ?? Figure.Undisclosed(),
            ValuePeriod = d.ValuePeriod ?? ValuePeriod.Total,
            Capacity = d.CapacityMw,
            Accelerators = d.Accelerators,
            TermStart = d.TermStart,
            TermEnd = d.TermEnd,
            TermMonths = d.TermMonths,
            Summary = d.Summary,
            Sources = d.Sources.Select((s, i) => new DealSource
            {
                Source = Lookup(sourceByKey, s.Source, "source"),
                Ordinal = i + 1,
                Supports = ParseSupports(s.Supports),
            }).ToList(),
            IsPublished = d.Published,
            PublishedAt = d.Published ? now : null,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        db.Deals.AddRange(dealEntities);
        await db.SaveChangesAsync(cancellationToken);

        db.ChangeRecords.AddRange(
            companyBySlug.Values.Select(c => Created(EntityKind.Company, c.Id, now))
                .Concat(dataCenterBySlug.Values.Select(d => Created(EntityKind.DataCenter, d.Id, now)))
                .Concat(dealEntities.Select(d => Created(EntityKind.Deal, d.Id, now))));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation(
            "Seeded {Companies} companies, {DataCenters} data centers, {Deals} deals, {Valuations} valuations and {Sources} sources from {Directory}",
            companyBySlug.Count, dataCenterBySlug.Count, dealEntities.Count, valuations.Count, sourceByKey.Count, directory);
        return true;
    }

    /// <summary>Reads one seed file; public so that tests can check the files themselves.</summary>
    public static async Task<List<T>> ReadAsync<T>(string directory, string file, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(directory, file);
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<List<T>>(stream, Json, cancellationToken)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    private static ChangeRecord Created(EntityKind kind, int id, DateTimeOffset at) =>
        new() { At = at, ChangedBy = SeedUser, EntityKind = kind, EntityId = id, Action = ChangeAction.Create };

    private static SourceSupports ParseSupports(List<string>? supports) =>
        (supports ?? []).Aggregate(SourceSupports.General, (all, s) => all | Enum.Parse<SourceSupports>(s, ignoreCase: true));

    private static T Lookup<T>(Dictionary<string, T> map, string key, string what) =>
        map.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"Seed refers to unknown {what} '{key}'.");
}
