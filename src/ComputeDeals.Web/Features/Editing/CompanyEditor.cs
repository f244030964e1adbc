using System.Security.Claims;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Validation;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.Editing;

/// <summary>Creates, edits, deletes and restores companies (with aliases and parent).</summary>
public sealed class CompanyEditor(IDbContextFactory<AppDbContext> factory, EditPipeline pipeline)
{
    public async Task<Company?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Companies.AsNoTracking().Include(c => c.Aliases.OrderBy(a => a.Id)).Include(c => c.Parent)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    public static Company NewCompany() => new() { Name = string.Empty, Slug = string.Empty, Kind = CompanyKind.Other };

    public FieldErrors Validate(Company input) => CompanyRules.Validate(Normalize(input), pipeline.Today);

    /// <summary>
    /// Saves a company. A new name whose <see cref="NameSkeleton"/> matches another company's name or
    /// alias is refused under "ConfirmedDistinct" until the editor confirms it is a different company.
    /// </summary>
    public Task<EditResult> SaveAsync(ClaimsPrincipal user, Company input, CancellationToken cancellationToken = default) =>
        SaveAsync(user, input, confirmedDistinct: false, cancellationToken);

    public Task<EditResult> SaveAsync(ClaimsPrincipal user, Company input, bool confirmedDistinct, CancellationToken cancellationToken = default)
    {
        Normalize(input);
        return pipeline.RunAsync(user, EntityKind.Company, input.Id, async scope =>
        {
            var db = scope.Db;
            var errors = CompanyRules.Validate(input, scope.Today);
            if (input.ParentId is { } parentId && !await db.Companies.AnyAsync(c => c.Id == parentId && !c.IsDeleted, cancellationToken))
            {
                errors.Add("ParentId", "That parent company does not exist: pick one from the list.");
            }
            else if (input.ParentId is { } p && input.Id != 0 && await CreatesCycleAsync(db, input.Id, p, cancellationToken))
            {
                errors.Add("ParentId", "That company is already below this one: pick a parent that is not one of its subsidiaries.");
            }

            if (!errors.IsValid)
            {
                return EditStep.Fail(EditResult.Invalid(errors));
            }

            if (!confirmedDistinct && await LookalikeOfAsync(db, input, cancellationToken) is { } lookalike)
            {
                return EditStep.Fail(EditResult.Invalid(
                    "ConfirmedDistinct",
                    $"\"{input.Name}\" looks like the existing company \"{lookalike.Name}\" (/companies/{lookalike.Slug}). Edit that company instead, or tick \"This is a different company\" and save again."));
            }

            var isNew = input.Id == 0;
            Company company;
            Snapshot? before = null;
            if (isNew)
            {
                company = new Company { Name = input.Name, Slug = input.Slug };
                db.Companies.Add(company);
            }
            else
            {
                var existing = await db.Companies.Include(c => c.Aliases).FirstOrDefaultAsync(c => c.Id == input.Id, cancellationToken);
                if (existing is null)
                {
                    return EditStep.Fail(EditResult.NotFound);
                }

                company = existing;
                before = Snapshots.Of(company, await ParentNameAsync(db, company.ParentId, cancellationToken));
                if (company.Version != input.Version)
                {
                    var mine = Snapshots.Of(input, await ParentNameAsync(db, input.ParentId, cancellationToken));
                    return EditStep.Fail(await pipeline.ConflictAsync(EntityKind.Company, company.Id, Snapshot.Diff(before, mine), cancellationToken));
                }

                db.Entry(company).Property(c => c.Version).OriginalValue = input.Version;
            }

            var slugTaken = await db.Companies.AnyAsync(c => c.Slug == input.Slug && c.Id != input.Id, cancellationToken);
            if (await EditPipeline.ChangeSlugAsync(db, EntityKind.Company, company.Id, isNew ? null : company.Slug, input.Slug, slugTaken, scope.Now, cancellationToken) is { } slugError)
            {
                return EditStep.Fail(EditResult.Invalid("Slug", slugError));
            }

            company.Name = input.Name;
            company.Slug = input.Slug;
            company.Kind = input.Kind;
            company.Coverage = input.Coverage;
            company.Country = input.Country;
            company.Website = input.Website;
            company.Description = input.Description;
            company.ParentId = input.ParentId;
            company.ParentSince = input.ParentSince;
            db.CompanyAliases.RemoveRange(company.Aliases);
            company.Aliases = input.Aliases.Select(a => new CompanyAlias { Name = TextRules.CleanRequired(a.Name) }).ToList();

            var changes = Snapshot.Diff(before, Snapshots.Of(company, await ParentNameAsync(db, company.ParentId, cancellationToken)));
            if (!isNew && changes.Count > 0)
            {
                db.Entry(company).Property(c => c.UpdatedAt).IsModified = true;
            }

            return EditStep.Done(isNew ? ChangeAction.Create : ChangeAction.Update, changes, () => (company.Id, company.Slug, company.Version));
        }, cancellationToken);
    }

    public Task<EditResult> SetDeletedAsync(ClaimsPrincipal user, int id, Guid version, bool deleted, CancellationToken cancellationToken = default) =>
        pipeline.SetDeletedAsync(user, EntityKind.Company, id, version, deleted,
            db => db.Companies.FirstOrDefaultAsync(c => c.Id == id, cancellationToken), c => c.Slug, cancellationToken);

    private static Company Normalize(Company input)
    {
        input.Name = TextRules.CleanRequired(input.Name);
        input.Slug = string.IsNullOrWhiteSpace(input.Slug) ? Slugs.From(input.Name) : input.Slug.Trim();
        input.Country = EditPipeline.Clean(input.Country);
        input.Website = EditPipeline.Clean(input.Website);
        input.Description = EditPipeline.Clean(input.Description);
        input.Aliases = input.Aliases.Where(a => !string.IsNullOrWhiteSpace(a.Name)).ToList();
        if (input.ParentId is <= 0)
        {
            input.ParentId = null;
        }

        return input;
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

    private static async Task<string?> ParentNameAsync(AppDbContext db, int? parentId, CancellationToken cancellationToken) =>
        parentId is null ? null : await db.Companies.Where(c => c.Id == parentId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);

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
