using ComputeDeals.Core.Domain;
using ComputeDeals.Testing;
using ComputeDeals.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.ReadModel;

/// <summary>
/// The snapshot's fingerprint, which the ETags of cached pages carry: it moves with every applied
/// write, including a PostgreSQL commit whose id was drawn before a newer one, and stays put when
/// nothing changed.
/// </summary>
public class FingerprintTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private Web.Features.ReadModel.ReadModel Model => app.Services.GetRequiredService<Web.Features.ReadModel.ReadModel>();

    private static ChangeRecord Record(int dealId) =>
        new() { At = DateTimeOffset.UtcNow, ChangedBy = "fingerprint-test", EntityKind = EntityKind.Deal, EntityId = dealId, Action = ChangeAction.Update };

    private async Task<int> AnyDealIdAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Deals.Where(d => d.IsPublished).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
    }

    private async Task<long> RecordChangeAsync(int dealId)
    {
        await using var db = app.CreateDbContext();
        var record = Record(dealId);
        db.ChangeRecords.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }

    [Fact]
    public async Task Every_applied_change_moves_the_fingerprint_and_nothing_new_keeps_it()
    {
        _ = app.Server;
        var deal = await AnyDealIdAsync();
        await Model.RefreshAsync();
        var before = Model.Current.Fingerprint;

        await RecordChangeAsync(deal);
        await app.Services.GetRequiredService<ContentCache>().InvalidateAsync();
        var after = Model.Current.Fingerprint;

        Assert.NotEqual(before, after);
        await Model.RefreshAsync();
        Assert.Equal(after, Model.Current.Fingerprint);
    }

    [Fact]
    public async Task A_change_committed_late_below_the_newest_id_still_moves_the_fingerprint()
    {
        _ = app.Server;
        var deal = await AnyDealIdAsync();
        if (app.Provider == DatabaseProvider.Postgres)
        {
            // A transaction draws its id from the sequence, a later one commits first, then the first commits.
            await using var late = app.CreateDbContext();
            await using var transaction = await late.Database.BeginTransactionAsync();
            var lateRecord = Record(deal);
            late.ChangeRecords.Add(lateRecord);
            await late.SaveChangesAsync();
            var newer = await RecordChangeAsync(deal);
            Assert.True(lateRecord.Id < newer);
            await Model.RefreshAsync();
            var before = Model.Current.Fingerprint;

            await transaction.CommitAsync();
            // The background refresher may have applied it first; either way it is applied now.
            await Model.RefreshAsync();
            Assert.NotEqual(before, Model.Current.Fingerprint);
        }
        else
        {
            // SQLite serializes writers and never reuses an id, so every commit lands above the newest
            // applied one: the premise that lets the SQLite refresh read only ids above it.
            var first = await RecordChangeAsync(deal);
            await Model.RefreshAsync();
            var before = Model.Current.Fingerprint;
            var second = await RecordChangeAsync(deal);

            Assert.True(second > first);
            // The background refresher may have applied it first; either way it is applied now.
            await Model.RefreshAsync();
            Assert.NotEqual(before, Model.Current.Fingerprint);
        }
    }
}
