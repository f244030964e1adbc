using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Features.AsRecorded;
using ComputeDeals.Web.Features.Releases;
using Microsoft.AspNetCore.Mvc;

namespace ComputeDeals.Web.Hosting;

/// <summary>The dataset: as-recorded versions of records, releases and their downloads, citations and the licence.</summary>
public static class ReleasesSetup
{
    public static WebApplicationBuilder AddReleases(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DataLicenseOptions>().BindConfiguration(DataLicenseOptions.Section);
        builder.Services.AddScoped<AsRecordedQuery>();
        builder.Services.AddScoped<ReleaseService>();
        builder.Services.AddSingleton<ReleaseSnapshots>();
        builder.Services.AddScoped<CitationQuery>();
        return builder;
    }

    /// <summary>Runs <c>releases create</c> and returns true (the app should exit); false for any other command line.</summary>
    public static async Task<bool> RunReleaseCommandsAsync(this WebApplication app, string[] args)
    {
        if (await RunReleaseCommandAsync(app.Services, args, Console.Out, Console.Error) is not { } exitCode)
        {
            return false;
        }

        Environment.ExitCode = exitCode;
        return true;
    }

    /// <summary>
    /// The <c>releases</c> command line: <c>releases create</c> makes a release and prints its id and
    /// checksums (exit code 0); any other <c>releases …</c> prints the usage (2). Null when the
    /// arguments are not a <c>releases</c> command.
    /// </summary>
    public static async Task<int?> RunReleaseCommandAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0 || args[0] != "releases")
        {
            return null;
        }

        if (args.Length < 2 || args[1] != "create")
        {
            await error.WriteLineAsync("Usage: releases create   (snapshots every published record as a new numbered release)");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var release = await scope.ServiceProvider.GetRequiredService<ReleaseService>().CreateAsync("command line");
        await output.WriteLineAsync($"Created release {release.Id}: JSON sha256 {release.JsonSha256}, zip sha256 {release.ZipSha256}.");
        return 0;
    }

    public static WebApplication MapReleases(this WebApplication app)
    {
        // Exports state the data licence in a Link header (RFC 8288).
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value ?? string.Empty;
            if ((OpenDataApi.Contains(context.Request.Path) && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                || path.StartsWith("/data/releases/", StringComparison.OrdinalIgnoreCase))
            {
                var license = DataLicense.From(context.RequestServices.GetRequiredService<IOptions<DataLicenseOptions>>().Value);
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.Append("Link", license.LinkHeader);
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });

        app.MapGet("/data/releases/{id}.{format:regex(^(json|zip)$)}", async (string id, string format, HttpContext http, ReleaseService releases) =>
        {
            if (await releases.DownloadAsync(id, format, http.RequestAborted) is not { } download)
            {
                return Results.NotFound();
            }

            // A release never changes: its checksum is its ETag (with the coding's suffix) and it may be cached for a year.
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            http.Response.Headers["X-Checksum-SHA256"] = download.Sha256;
            return Results.File(
                download.Bytes,
                format == "json" ? "application/json" : "application/zip",
                $"computedeals-{id}.{format}",
                // The JSON is compressed on its way out, so each coding has its own tag; a zip is sent as it is.
                entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue(format == "json" ? PublicCompression.StrongETag(download.Sha256, http) : $"\"{download.Sha256}\""));
        }).ExcludeFromDescription();

        app.MapGet("/cite.{format:regex(^(bib|ris|json)$)}", async (string format, string? path, CitationQuery citations, HttpContext http) =>
        {
            if (await citations.ForPathAsync(path, http.RequestAborted) is not { } citation)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Nothing to cite",
                    detail: "Give the path of a deal, company, data center, /analytics or /data, e.g. /cite.bib?path=/data.");
            }

            var (body, type) = format switch
            {
                "bib" => (citation.BibTeX, "application/x-bibtex; charset=utf-8"),
                "ris" => (citation.Ris, "application/x-research-info-systems; charset=utf-8"),
                _ => (citation.CslJson, "application/vnd.citationstyles.csl+json; charset=utf-8"),
            };
            return Results.File(Encoding.UTF8.GetBytes(body), type, $"{citation.Key}.{format}");
        }).ExcludeFromDescription();

        app.MapPost("/admin/releases", async ([FromForm] string? confirm, HttpContext http, ReleaseService releases, EditorAccess access) =>
        {
            _ = confirm;
            var editor = await access.ResolveAsync(http.User, http.RequestAborted);
            if (editor is not { IsAdmin: true })
            {
                return Results.Forbid();
            }

            var release = await releases.CreateAsync(editor.Name, http.RequestAborted);
            return Results.Redirect($"/data/releases/{release.Id}");
        }).RequireAuthorization(AppPolicies.Admin).ExcludeFromDescription();
        return app;
    }
}
