namespace ComputeDeals.Web.Features.Editing;

/// <summary>
/// Creates, edits, publishes, deletes and restores deals. The input is a detached <see cref="Deal"/>
/// (the form's model) whose <see cref="Deal.Version"/> is the version the editor loaded.
/// </summary>
public sealed class DealEditor(IDbContextFactory<AppDbContext> factory, EditPipeline pipeline) : EntityEditor<Deal>(pipeline, EntityKind.Deal)
{
    /// <summary>A detached copy for the form, deleted deals included; null when there is no such deal.</summary>
    public Task<Deal?> LoadAsync(int id, CancellationToken cancellationToken = default) => Pipeline.LoadAsync(Query, id, cancellationToken);

    public async Task<Deal?> LoadBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Query(db).AsNoTracking().FirstOrDefaultAsync(d => d.Slug == slug, cancellationToken);
    }

    /// <summary>A new draft with sensible defaults for the form.</summary>
    public Deal NewDraft() => new()
    {
        Title = string.Empty,
        Slug = string.Empty,
        AnnouncedOn = Pipeline.Today,
        AnnouncedPrecision = DatePrecision.Day,
        Status = DealStatus.Announced,
        Value = Figure.Undisclosed(),
    };

    protected override FieldErrors Rules(Deal input, DateOnly today) => DealRules.Validate(input, today);

    protected override IQueryable<Deal> Records(AppDbContext db) => db.Deals.IgnoreQueryFilters();

    protected override string? SlugOf(Deal entity) => entity.Slug;

    /// <summary>A save creates (always as a draft) or updates a deal, publishing or unpublishing it when IsPublished changes.</summary>
    protected override SaveSteps<Deal> Steps(Deal input, CancellationToken cancellationToken) => new()
        {
            Check = (scope, errors) => CheckReferencesAsync(scope.Db, input, errors, cancellationToken),
            Create = () => new Deal { Title = input.Title, Slug = input.Slug },
            Find = db => Query(db).FirstOrDefaultAsync(d => d.Id == input.Id, cancellationToken),
            Snapshot = (db, deal) => SnapshotAsync(db, deal, cancellationToken),
            Slug = new SlugStep<Deal>(d => d.Slug, db => db.Deals.IgnoreQueryFilters().AnyAsync(d => d.Slug == input.Slug && d.Id != input.Id, cancellationToken)),
            UpdateAction = deal =>
                input.IsPublished && !deal.IsPublished ? ChangeAction.Publish
                : !input.IsPublished && deal.IsPublished ? ChangeAction.Unpublish
                : ChangeAction.Update,
            Apply = (scope, deal) => ApplyAsync(scope.Db, deal, input, scope.Now, cancellationToken),
        };

    /// <summary>A deal as its change record shows it, with the names of the companies and data centers it names.</summary>
    internal static async Task<Snapshot> SnapshotAsync(AppDbContext db, Deal deal, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(db, deal.Parties.Select(p => p.CompanyId), deal.DataCenters.Select(d => d.DataCenterId), cancellationToken);
        return Snapshots.Of(deal, names.Companies, names.DataCenters);
    }

    /// <summary>Publishes a saved draft: the stored deal must pass the rules, which need a source.</summary>
    public async Task<EditResult> SetPublishedAsync(ClaimsPrincipal user, int id, Guid version, bool published, CancellationToken cancellationToken = default)
    {
        var deal = await LoadAsync(id, cancellationToken);
        if (deal is null)
        {
            return EditResult.NotFound;
        }

        deal.Version = version;
        deal.IsPublished = published;
        return await SaveAsync(user, deal, cancellationToken);
    }

    private static IQueryable<Deal> Query(AppDbContext db) => db.Deals.IgnoreQueryFilters()
        .Include(d => d.Parties.OrderBy(p => p.Id)).ThenInclude(p => p.Company)
        .Include(d => d.DataCenters.OrderBy(p => p.Id)).ThenInclude(p => p.DataCenter)
        .Include(d => d.Sources.OrderBy(s => s.Ordinal)).ThenInclude(s => s.Source)
        .AsSplitQuery();

    protected override void Normalize(Deal input)
    {
        if (input.Id == 0)
        {
            // New deals start as drafts; publishing is a second, recorded step.
            input.IsPublished = false;
        }

        (input.Title, input.Slug) = NameAndSlug(input.Title, input.Slug);
        input.Summary = EditPipeline.Clean(input.Summary);
        input.Value = NormalizeFigure(input.Value ?? Figure.Undisclosed());
        input.Capacity = NormalizeOptionalFigure(input.Capacity);
        input.Accelerators = NormalizeOptionalFigure(input.Accelerators);
        foreach (var center in input.DataCenters)
        {
            center.Share = NormalizeOptionalFigure(center.Share);
        }

        foreach (var link in input.Sources)
        {
            EditPipeline.NormalizeSource(link.Source, urlAsTitle: false);
        }
    }

    private static async Task CheckReferencesAsync(AppDbContext db, Deal input, FieldErrors errors, CancellationToken cancellationToken)
    {
        var companyIds = input.Parties.Select(p => p.CompanyId).Where(id => id > 0).Distinct().ToList();
        var known = await db.Companies.Where(c => companyIds.Contains(c.Id) && !c.IsDeleted).Select(c => c.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < input.Parties.Count; i++)
        {
            if (input.Parties[i].CompanyId > 0 && !known.Contains(input.Parties[i].CompanyId))
            {
                errors.Add($"Parties[{i}].CompanyId", TextRules.Gone("company"));
            }
        }

        var centerIds = input.DataCenters.Select(p => p.DataCenterId).Where(id => id > 0).Distinct().ToList();
        var knownCenters = await db.DataCenters.Where(c => centerIds.Contains(c.Id) && !c.IsDeleted).Select(c => c.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < input.DataCenters.Count; i++)
        {
            if (input.DataCenters[i].DataCenterId > 0 && !knownCenters.Contains(input.DataCenters[i].DataCenterId))
            {
                errors.Add($"DataCenters[{i}].DataCenterId", TextRules.Gone("data center"));
            }
        }
    }

    /// <summary>Copies a deal's input onto the stored (or new) deal; child rows are replaced and cited sources resolved.</summary>
    internal static async Task ApplyAsync(AppDbContext db, Deal deal, Deal input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        deal.Title = input.Title;
        deal.Slug = input.Slug;
        deal.AnnouncedOn = input.AnnouncedOn;
        deal.AnnouncedPrecision = input.AnnouncedPrecision;
        deal.Type = input.Type;
        deal.Status = input.Status;
        deal.Value = input.Value;
        deal.ValuePeriod = input.ValuePeriod;
        deal.Capacity = input.Capacity;
        deal.Accelerators = input.Accelerators;
        deal.TermStart = input.TermStart;
        deal.TermEnd = input.TermEnd;
        deal.TermMonths = input.TermMonths;
        deal.Summary = input.Summary;
        if (input.IsPublished && !deal.IsPublished)
        {
            deal.PublishedAt = now;
        }

        deal.IsPublished = input.IsPublished;

        // Child rows are replaced wholesale; their own ids carry no meaning outside the deal.
        db.DealParties.RemoveRange(deal.Parties);
        deal.Parties = input.Parties.Select(p => new DealParty { CompanyId = p.CompanyId, Role = p.Role }).ToList();
        db.DealDataCenters.RemoveRange(deal.DataCenters);
        deal.DataCenters = input.DataCenters.Select(c => new DealDataCenter { DataCenterId = c.DataCenterId, Share = c.Share }).ToList();
        db.DealSources.RemoveRange(deal.Sources);
        var links = new List<DealSource>();
        for (var i = 0; i < input.Sources.Count; i++)
        {
            var source = await EditPipeline.ResolveSourceAsync(db, input.Sources[i].Source!, cancellationToken);
            links.Add(new DealSource { Source = source, SourceId = source.Id, Ordinal = i + 1, Supports = input.Sources[i].Supports });
        }

        deal.Sources = links;
    }

    internal static async Task<(Dictionary<int, string> Companies, Dictionary<int, string> DataCenters)> NamesAsync(
        AppDbContext db, IEnumerable<int> companyIds, IEnumerable<int> dataCenterIds, CancellationToken cancellationToken)
    {
        var companies = companyIds.Distinct().ToList();
        var centers = dataCenterIds.Distinct().ToList();
        return (
            await db.Companies.AsNoTracking().Where(c => companies.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken),
            await db.DataCenters.AsNoTracking().Where(c => centers.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken));
    }
}
