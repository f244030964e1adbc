using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ComputeDeals.E2E;

/// <summary>
/// The app as operators run it, in Production, as a separate process: the published output
/// (docs/operations.md) and the build output under <c>dotnet run --no-launch-profile</c>. The home page
/// and every stylesheet and script it links must answer 200 with the right content type.
/// </summary>
public sealed partial class DeploymentTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("computedeals-deploy-").FullName;

    [Fact]
    public async Task The_published_output_serves_the_home_page_and_every_stylesheet_and_script_it_links_in_Production()
    {
        var output = Path.Combine(_work, "publish");
        var publish = await RunToEndAsync("dotnet", ["publish", WebProject, "-c", Configuration, "--no-build", "-o", output, "-nologo"], RepositoryRoot);
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.True(File.Exists(Path.Combine(output, "wwwroot", "app.css")), "The publish folder has no wwwroot/app.css.");

        // As the systemd unit in docs/operations.md starts it: from the publish folder.
        await AssertServesAssetsAsync(Path.Combine(output, "ComputeDeals.Web.dll"), workingDirectory: output);
    }

    [Fact]
    public async Task The_build_output_run_like_dotnet_run_without_a_launch_profile_serves_its_assets_in_Production()
    {
        var dll = Path.Combine(RepositoryRoot, "src", "ComputeDeals.Web", "bin", Configuration, "net10.0", "ComputeDeals.Web.dll");
        Assert.True(File.Exists(dll), $"No build output at {dll}.");

        // dotnet run starts in the project folder, so that is the content root.
        await AssertServesAssetsAsync(dll, workingDirectory: Path.Combine(RepositoryRoot, "src", "ComputeDeals.Web"));
    }

    private async Task AssertServesAssetsAsync(string dll, string workingDirectory)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(_work, "app.db")}";
        start.Environment["Serilog__WriteTo__1__Args__configure__0__Args__path"] = Path.Combine(_work, "logs", "app-.log");
        using var app = Process.Start(start)!;
        var log = new System.Text.StringBuilder();
        app.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        app.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WaitUntilUpAsync(http, app, log);

            var home = await http.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var html = await home.Content.ReadAsStringAsync();
            var stylesheets = Stylesheet().Matches(html).Select(m => m.Groups[1].Value).ToList();
            var scripts = Script().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.Contains(stylesheets, s => s.StartsWith("site-base.", StringComparison.Ordinal));
            Assert.Contains(stylesheets, s => s.EndsWith(".styles.css", StringComparison.Ordinal));
            // Static pages load blazor.web.js on the first interaction: the loader script names it.
            Assert.Contains(scripts, s => s.Contains("blazor-on-demand", StringComparison.Ordinal));
            var blazor = BlazorSource().Match(html);
            Assert.True(blazor.Success, "No data-blazor-src on the home page.");
            Assert.Contains("_framework/blazor.web.", blazor.Groups[1].Value, StringComparison.Ordinal);
            scripts.Add(blazor.Groups[1].Value);
            // Static pages do without MudBlazor's package assets; the interactive (editor) pages load them.
            stylesheets.Add("_content/MudBlazor/MudBlazor.min.css");
            scripts.Add("_content/MudBlazor/MudBlazor.min.js");

            foreach (var (path, type) in stylesheets.Select(s => (s, "text/css")).Concat(scripts.Select(s => (s, "text/javascript"))))
            {
                var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}.");
                Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
                Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0, $"{path} is empty.");
            }
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }

    private static async Task WaitUntilUpAsync(HttpClient http, Process app, System.Text.StringBuilder log)
    {
        // Readiness, not a timed assertion: the first start migrates and seeds a fresh database.
        for (var attempt = 0; attempt < 240; attempt++)
        {
            Assert.False(app.HasExited, $"The app exited: {log}");
            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        Assert.Fail($"The app did not answer /health: {log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunToEndAsync(string file, string[] args, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    // The configuration this test was built in; the web project was built alongside it.
    private static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string WebProject => Path.Combine(RepositoryRoot, "src", "ComputeDeals.Web", "ComputeDeals.Web.csproj");

    private static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ComputeDeals.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("The repository root (ComputeDeals.sln) was not found above " + AppContext.BaseDirectory);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be closing; the temp folder is cleaned by the system.
        }
    }

    [GeneratedRegex("<link[^>]+rel=\"stylesheet\"[^>]+href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex Script();

    [GeneratedRegex("data-blazor-src=\"([^\"]+)\"")]
    private static partial Regex BlazorSource();
}
