using System.Security.Claims;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Core.Validation;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.Editing;

/// <summary>Creates, edits, deletes and restores valuations.</summary>
public sealed class ValuationEditor(IDbContextFactory<AppDbContext> factory, EditPipeline pipeline)
{
    public async Task<Valuation?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Valuations.IgnoreQueryFilters().AsNoTracking().Include(v => v.Company).Include(v => v.Source)
            .FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
    }

    public Valuation NewValuation() => new() { AsOf = pipeline.Today, Amount = new Figure { Qualifier = FigureQualifier.Approximately } };

    public FieldErrors Validate(Valuation input) => ValuationRules.Validate(Normalize(input), pipeline.Today);

    public Task<EditResult> SaveAsync(ClaimsPrincipal user, Valuation input, CancellationToken cancellationToken = default)
    {
        Normalize(input);
        return pipeline.RunAsync(user, EntityKind.Valuation, input.Id, async scope =>
        {
            var db = scope.Db;
            var errors = ValuationRules.Validate(input, scope.Today);
            if (input.CompanyId > 0 && !await db.Companies.AnyAsync(c => c.Id == input.CompanyId && !c.IsDeleted, cancellationToken))
            {
                errors.Add("CompanyId", "That company does not exist: pick one from the list.");
            }

            if (!errors.IsValid)
            {
                return EditStep.Fail(EditResult.Invalid(errors));
            }

            var isNew = input.Id == 0;
            Valuation valuation;
            Snapshot? before = null;
            if (isNew)
            {
                valuation = new Valuation();
                db.Valuations.Add(valuation);
            }
            else
            {
                var existing = await db.Valuations.IgnoreQueryFilters().Include(v => v.Source).FirstOrDefaultAsync(v => v.Id == input.Id, cancellationToken);
                if (existing is null)
                {
                    return EditStep.Fail(EditResult.NotFound);
                }

                valuation = existing;
                before = Snapshots.Of(valuation, await CompanyNameAsync(db, valuation.CompanyId, cancellationToken));
                if (valuation.Version != input.Version)
                {
                    var mine = Snapshots.Of(input, await CompanyNameAsync(db, input.CompanyId, cancellationToken));
                    return EditStep.Fail(await pipeline.ConflictAsync(EntityKind.Valuation, valuation.Id, Snapshot.Diff(before, mine), cancellationToken));
                }

                db.Entry(valuation).Property(v => v.Version).OriginalValue = input.Version;
            }

            valuation.CompanyId = input.CompanyId;
            valuation.AsOf = input.AsOf;
            valuation.Amount = input.Amount;
            valuation.Basis = input.Basis;
            valuation.Source = input.Source is { Url.Length: > 0 } s ? await DealEditor.ResolveSourceAsync(db, s, cancellationToken) : null;
            valuation.SourceId = valuation.Source?.Id;
            var changes = Snapshot.Diff(before, Snapshots.Of(valuation, await CompanyNameAsync(db, valuation.CompanyId, cancellationToken)));
            if (!isNew && changes.Count > 0)
            {
                db.Entry(valuation).Property(v => v.UpdatedAt).IsModified = true;
            }

            return EditStep.Done(isNew ? ChangeAction.Create : ChangeAction.Update, changes, () => (valuation.Id, null, valuation.Version));
        }, cancellationToken);
    }

    public Task<EditResult> SetDeletedAsync(ClaimsPrincipal user, int id, Guid version, bool deleted, CancellationToken cancellationToken = default) =>
        pipeline.SetDeletedAsync(user, EntityKind.Valuation, id, version, deleted,
            db => db.Valuations.IgnoreQueryFilters().FirstOrDefaultAsync(v => v.Id == id, cancellationToken), _ => null, cancellationToken);

    private static Valuation Normalize(Valuation input)
    {
        input.Amount ??= Figure.Undisclosed();
        input.Amount = DealEditor.NormalizeFigure(input.Amount);
        if (input.Source is { } source)
        {
            source.Url = source.Url?.Trim() ?? string.Empty;
            source.Title = TextRules.Clean(source.Title) ?? source.Url;
            source.Publisher = EditPipeline.Clean(source.Publisher);
        }

        return input;
    }

    private static async Task<string?> CompanyNameAsync(AppDbContext db, int companyId, CancellationToken cancellationToken) =>
        await db.Companies.Where(c => c.Id == companyId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
}
