using System.Security.Claims;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Core.Validation;
using ComputeDeals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Features.Editing;

/// <summary>Creates, edits, deletes and restores data centers with their capacity timeline.</summary>
public sealed class DataCenterEditor(IDbContextFactory<AppDbContext> factory, EditPipeline pipeline)
{
    public async Task<DataCenter?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.DataCenters.AsNoTracking().Include(d => d.Operator)
            .Include(d => d.Capacity.OrderBy(r => r.EffectiveDate)).ThenInclude(r => r.Source)
            .FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
    }

    public static DataCenter NewDataCenter() => new() { Name = string.Empty, Slug = string.Empty, Status = FacilityStatus.Planned };

    public FieldErrors Validate(DataCenter input) => DataCenterRules.Validate(Normalize(input), pipeline.Today);

    public Task<EditResult> SaveAsync(ClaimsPrincipal user, DataCenter input, CancellationToken cancellationToken = default)
    {
        Normalize(input);
        return pipeline.RunAsync(user, EntityKind.DataCenter, input.Id, async scope =>
        {
            var db = scope.Db;
            var errors = DataCenterRules.Validate(input, scope.Today);
            if (input.OperatorId > 0 && !await db.Companies.AnyAsync(c => c.Id == input.OperatorId && !c.IsDeleted, cancellationToken))
            {
                errors.Add("OperatorId", "That operator does not exist: pick a company from the list.");
            }

            if (!errors.IsValid)
            {
                return EditStep.Fail(EditResult.Invalid(errors));
            }

            var isNew = input.Id == 0;
            DataCenter center;
            Snapshot? before = null;
            if (isNew)
            {
                center = new DataCenter { Name = input.Name, Slug = input.Slug };
                db.DataCenters.Add(center);
            }
            else
            {
                var existing = await db.DataCenters.Include(d => d.Capacity).ThenInclude(r => r.Source)
                    .FirstOrDefaultAsync(d => d.Id == input.Id, cancellationToken);
                if (existing is null)
                {
                    return EditStep.Fail(EditResult.NotFound);
                }

                center = existing;
                before = Snapshots.Of(center, await OperatorNameAsync(db, center.OperatorId, cancellationToken));
                if (center.Version != input.Version)
                {
                    var mine = Snapshots.Of(input, await OperatorNameAsync(db, input.OperatorId, cancellationToken));
                    return EditStep.Fail(await pipeline.ConflictAsync(EntityKind.DataCenter, center.Id, Snapshot.Diff(before, mine), cancellationToken));
                }

                db.Entry(center).Property(d => d.Version).OriginalValue = input.Version;
            }

            var slugTaken = await db.DataCenters.AnyAsync(d => d.Slug == input.Slug && d.Id != input.Id, cancellationToken);
            if (await EditPipeline.ChangeSlugAsync(db, EntityKind.DataCenter, center.Id, isNew ? null : center.Slug, input.Slug, slugTaken, scope.Now, cancellationToken) is { } slugError)
            {
                return EditStep.Fail(EditResult.Invalid("Slug", slugError));
            }

            center.Name = input.Name;
            center.Slug = input.Slug;
            center.OperatorId = input.OperatorId;
            center.City = input.City;
            center.Region = input.Region;
            center.Country = input.Country;
            center.Latitude = input.Latitude;
            center.Longitude = input.Longitude;
            center.Status = input.Status;
            center.Description = input.Description;
            db.CapacityRows.RemoveRange(center.Capacity);
            var rows = new List<CapacityRow>();
            foreach (var row in input.Capacity.OrderBy(r => r.EffectiveDate))
            {
                var source = row.Source is { Url.Length: > 0 } s ? await DealEditor.ResolveSourceAsync(db, s, cancellationToken) : null;
                rows.Add(new CapacityRow
                {
                    EffectiveDate = row.EffectiveDate,
                    Precision = row.Precision,
                    Power = row.Power,
                    AcceleratorType = row.AcceleratorType,
                    Accelerators = row.Accelerators,
                    Status = row.Status,
                    Source = source,
                });
            }

            center.Capacity = rows;
            var changes = Snapshot.Diff(before, Snapshots.Of(center, await OperatorNameAsync(db, center.OperatorId, cancellationToken)));
            if (!isNew && changes.Count > 0)
            {
                db.Entry(center).Property(d => d.UpdatedAt).IsModified = true;
            }

            return EditStep.Done(isNew ? ChangeAction.Create : ChangeAction.Update, changes, () => (center.Id, center.Slug, center.Version));
        }, cancellationToken);
    }

    public Task<EditResult> SetDeletedAsync(ClaimsPrincipal user, int id, Guid version, bool deleted, CancellationToken cancellationToken = default) =>
        pipeline.SetDeletedAsync(user, EntityKind.DataCenter, id, version, deleted,
            db => db.DataCenters.FirstOrDefaultAsync(d => d.Id == id, cancellationToken), d => d.Slug, cancellationToken);

    private static DataCenter Normalize(DataCenter input)
    {
        input.Name = TextRules.CleanRequired(input.Name);
        input.Slug = string.IsNullOrWhiteSpace(input.Slug) ? Slugs.From(input.Name) : input.Slug.Trim();
        input.City = EditPipeline.Clean(input.City);
        input.Region = EditPipeline.Clean(input.Region);
        input.Country = EditPipeline.Clean(input.Country);
        input.Description = EditPipeline.Clean(input.Description);
        foreach (var row in input.Capacity)
        {
            row.Power ??= Figure.Undisclosed();
            row.Power = DealEditor.NormalizeFigure(row.Power);
            row.Accelerators = DealEditor.NormalizeFigure(row.Accelerators);
            row.AcceleratorType = EditPipeline.Clean(row.AcceleratorType);
            if (row.Accelerators is { Qualifier: FigureQualifier.Undisclosed, Low: null, High: null, Note: null })
            {
                row.Accelerators = null;
            }

            if (row.Source is { } source)
            {
                source.Url = source.Url?.Trim() ?? string.Empty;
                source.Title = TextRules.Clean(source.Title) ?? source.Url;
                source.Publisher = EditPipeline.Clean(source.Publisher);
            }
        }

        return input;
    }

    private static async Task<string?> OperatorNameAsync(AppDbContext db, int operatorId, CancellationToken cancellationToken) =>
        await db.Companies.Where(c => c.Id == operatorId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
}
