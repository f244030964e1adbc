namespace ComputeDeals.Web.Features.Editing;

/// <summary>Creates, edits, deletes and restores companies (with aliases and parent).</summary>
public sealed class CompanyEditor(EditPipeline pipeline) : EntityEditor<Company>(pipeline, EntityKind.Company)
{
    public Task<Company?> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        Pipeline.LoadAsync(db => db.Companies.Include(c => c.Aliases.OrderBy(a => a.Id)).Include(c => c.Parent), id, cancellationToken);

    public static Company NewCompany() => new() { Name = string.Empty, Slug = string.Empty, Kind = CompanyKind.Other };

    /// <summary>
    /// Saves a company. A new name whose <see cref="NameSkeleton"/> matches another company's name or
    /// alias is refused under "ConfirmedDistinct" until the editor confirms it is a different company.
    /// </summary>
    public Task<EditResult> SaveAsync(ClaimsPrincipal user, Company input, bool confirmedDistinct, CancellationToken cancellationToken = default) =>
        SaveAsync(user, input, (company, ct) => Steps(company, confirmedDistinct, ct), cancellationToken);

    protected override FieldErrors Rules(Company input, DateOnly today) => CompanyRules.Validate(input, today);

    protected override IQueryable<Company> Records(AppDbContext db) => db.Companies;

    protected override string? SlugOf(Company entity) => entity.Slug;

    protected override SaveSteps<Company> Steps(Company input, CancellationToken cancellationToken) =>
        Steps(input, confirmedDistinct: false, cancellationToken);

    private static SaveSteps<Company> Steps(Company input, bool confirmedDistinct, CancellationToken cancellationToken) => new()
        {
            Check = async (scope, errors) =>
            {
                var db = scope.Db;
                if (!await EditPipeline.RequireLiveCompanyAsync(errors, db, input.ParentId, "ParentId", TextRules.Gone("parent company"), cancellationToken)
                    && input.ParentId is { } p && input.Id != 0 && await CreatesCycleAsync(db, input.Id, p, cancellationToken))
                {
                    errors.Add("ParentId", "That company is already below this one: pick a parent that is not one of its subsidiaries.");
                }

                if (errors.IsValid && !confirmedDistinct && await LookalikeOfAsync(db, input, cancellationToken) is { } lookalike)
                {
                    errors.Add(
                        "ConfirmedDistinct",
                        $"\"{input.Name}\" looks like the existing company \"{lookalike.Name}\" (/companies/{lookalike.Slug}). Edit that company instead, or tick \"This is a different company\" and save again.");
                }
            },
            Create = () => new Company { Name = input.Name, Slug = input.Slug },
            Find = db => db.Companies.Include(c => c.Aliases).FirstOrDefaultAsync(c => c.Id == input.Id, cancellationToken),
            Snapshot = async (db, company) => Snapshots.Of(company, await EditPipeline.CompanyNameAsync(db, company.ParentId, cancellationToken)),
            Slug = new SlugStep<Company>(c => c.Slug, db => db.Companies.AnyAsync(c => c.Slug == input.Slug && c.Id != input.Id, cancellationToken)),
            Apply = (scope, company) =>
            {
                company.Name = input.Name;
                company.Slug = input.Slug;
                company.Kind = input.Kind;
                company.Coverage = input.Coverage;
                company.Country = input.Country;
                company.Website = input.Website;
                company.Description = input.Description;
                company.ParentId = input.ParentId;
                company.ParentSince = input.ParentSince;
                scope.Db.CompanyAliases.RemoveRange(company.Aliases);
                company.Aliases = input.Aliases.Select(a => new CompanyAlias { Name = TextRules.CleanRequired(a.Name) }).ToList();
                return Task.CompletedTask;
            },
        };

    protected override void Normalize(Company input)
    {
        (input.Name, input.Slug) = NameAndSlug(input.Name, input.Slug);
        input.Country = EditPipeline.Clean(input.Country);
        input.Website = EditPipeline.Clean(input.Website);
        input.Description = EditPipeline.Clean(input.Description);
        input.Aliases = input.Aliases.Where(a => !string.IsNullOrWhiteSpace(a.Name)).ToList();
        if (input.ParentId is <= 0)
        {
            input.ParentId = null;
        }
    }

    /// <summary>Another company whose name or alias shares a skeleton with this one's name, when the name is new or changed.</summary>
    private static async Task<(string Name, string Slug)?> LookalikeOfAsync(AppDbContext db, Company input, CancellationToken cancellationToken)
    {
        if (input.Id != 0)
        {
            var oldName = await db.Companies.IgnoreQueryFilters().Where(c => c.Id == input.Id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
            if (NameSkeleton.Of(oldName) == NameSkeleton.Of(input.Name))
            {
                return null;
            }
        }

        var skeleton = NameSkeleton.Of(input.Name);
        var names = await db.Companies.IgnoreQueryFilters().Where(c => c.Id != input.Id)
            .Select(c => new { c.Name, c.Slug, Aliases = c.Aliases.Select(a => a.Name).ToList() })
            .ToListAsync(cancellationToken);
        var match = names.FirstOrDefault(c => NameSkeleton.Of(c.Name) == skeleton || c.Aliases.Any(a => NameSkeleton.Of(a) == skeleton));
        return match is null ? null : (match.Name, match.Slug);
    }

    private static async Task<bool> CreatesCycleAsync(AppDbContext db, int companyId, int parentId, CancellationToken cancellationToken)
    {
        int? current = parentId;
        for (var depth = 0; current is { } id && depth < 50; depth++)
        {
            if (id == companyId)
            {
                return true;
            }

            current = await db.Companies.Where(c => c.Id == id).Select(c => c.ParentId).FirstOrDefaultAsync(cancellationToken);
        }

        return false;
    }
}
