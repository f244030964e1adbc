using System.Text.RegularExpressions;
using ComputeDeals.Web.Features.Releases;
using ComputeDeals.Web.Hosting;
using ComputeDeals.Web.Tests.Features.AsRecorded;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Features.Releases;

/// <summary>`dotnet run --project src/ComputeDeals.Web -- releases create`, run in-process through the same command path Program uses.</summary>
public partial class ReleaseCommandTests(ClockedAppFactory app) : IClassFixture<ClockedAppFactory>
{
    [Fact]
    public async Task Releases_create_makes_a_release_and_prints_its_id_and_checksums()
    {
        app.Clock.Set(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ReleasesSetup.RunReleaseCommandAsync(app.Services, ["releases", "create"], output, error);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error.ToString());
        var printed = Printed().Match(output.ToString());
        Assert.True(printed.Success, output.ToString());
        using var scope = app.Services.CreateScope();
        var releases = scope.ServiceProvider.GetRequiredService<ReleaseService>();
        var stored = (await releases.FindAsync(printed.Groups["id"].Value))!.Value.Summary;
        Assert.Equal("2026-12-03.1", stored.Id);
        Assert.Equal(stored.JsonSha256, printed.Groups["json"].Value);
        Assert.Equal(stored.ZipSha256, printed.Groups["zip"].Value);
        Assert.Equal(ReleaseService.Sha256((await releases.DownloadAsync(stored.Id, "json"))!.Value.Bytes), stored.JsonSha256);
    }

    [Fact]
    public async Task Other_release_commands_print_the_usage_and_other_arguments_are_not_a_command()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, await ReleasesSetup.RunReleaseCommandAsync(app.Services, ["releases", "delete"], output, error));
        Assert.Contains("Usage: releases create", error.ToString(), StringComparison.Ordinal);
        Assert.Null(await ReleasesSetup.RunReleaseCommandAsync(app.Services, ["users", "list"], output, error));
        Assert.Null(await ReleasesSetup.RunReleaseCommandAsync(app.Services, [], output, error));
        Assert.Equal(string.Empty, output.ToString());
    }

    [GeneratedRegex("^Created release (?<id>\\d{4}-\\d{2}-\\d{2}\\.\\d+): JSON sha256 (?<json>[0-9a-f]{64}), zip sha256 (?<zip>[0-9a-f]{64})\\.\\r?\\n$")]
    private static partial Regex Printed();
}
