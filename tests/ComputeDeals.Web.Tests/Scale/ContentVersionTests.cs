using ComputeDeals.Core.Domain;
using ComputeDeals.Testing;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComputeDeals.Web.Tests.Scale;

/// <summary>The content version that keys cached responses, read from the change records.</summary>
public class ContentVersionTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    private ContentVersion NewVersion(TimeProvider time, int checkMilliseconds)
    {
        _ = app.Server;
        return new ContentVersion(
            app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(),
            app.Services.GetRequiredService<IOutputCacheStore>(),
            time,
            Options.Create(new ContentCacheOptions { VersionCheckMilliseconds = checkMilliseconds }));
    }

    private async Task<long> RecordChangeAsync(long? id = null)
    {
        await using var db = app.CreateDbContext();
        var record = new ChangeRecord { At = DateTimeOffset.UtcNow, ChangedBy = "version-test", EntityKind = EntityKind.Deal, EntityId = 1, Action = ChangeAction.Update };
        if (id is { } explicitId)
        {
            record.Id = explicitId;
        }

        db.ChangeRecords.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }

    [Fact]
    public async Task Every_committed_change_moves_the_version()
    {
        var version = NewVersion(TimeProvider.System, checkMilliseconds: 0);
        var before = await version.GetAsync();

        await RecordChangeAsync();
        var after = await version.GetAsync();

        Assert.NotEqual(before, after);
        Assert.Equal(after, await version.GetAsync()); // nothing new: same version
    }

    [Fact]
    public async Task A_change_committed_late_below_the_newest_id_still_moves_the_version()
    {
        var version = NewVersion(TimeProvider.System, checkMilliseconds: 0);
        string before;
        if (app.Provider == DatabaseProvider.Postgres)
        {
            // A transaction draws its id from the sequence, a later one commits first, then the first commits.
            await using var late = app.CreateDbContext();
            await using var transaction = await late.Database.BeginTransactionAsync();
            late.ChangeRecords.Add(new ChangeRecord { At = DateTimeOffset.UtcNow, ChangedBy = "version-test", EntityKind = EntityKind.Deal, EntityId = 1, Action = ChangeAction.Update });
            await late.SaveChangesAsync();
            await RecordChangeAsync();
            before = await version.GetAsync();
            await transaction.CommitAsync();
        }
        else
        {
            // SQLite serializes writers, so a late id can only come from an explicit key below the newest.
            var first = await RecordChangeAsync();
            var newest = await RecordChangeAsync(first + 5);
            before = await version.GetAsync();
            await RecordChangeAsync(newest - 2);
        }

        Assert.NotEqual(before, await version.GetAsync());
    }

    [Fact]
    public async Task With_a_check_interval_the_version_is_trusted_until_the_interval_passes_or_a_local_write()
    {
        var clock = new ManualClock();
        var version = NewVersion(clock, checkMilliseconds: 1000);
        var before = await version.GetAsync();

        await RecordChangeAsync();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(before, await version.GetAsync());
        clock.Advance(TimeSpan.FromMilliseconds(2));
        var later = await version.GetAsync();
        Assert.NotEqual(before, later);

        await RecordChangeAsync();
        version.Forget(); // what ContentCache.InvalidateAsync does after a write on this instance
        Assert.NotEqual(later, await version.GetAsync());
    }
}
