using ComputeDeals.Web.Features.AsRecorded;
using ComputeDeals.Web.Features.Releases;

var builder = WebApplication.CreateBuilder(args);
builder.AddComputeDeals();

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (await app.RunReleaseCommandsAsync(args) || await app.RunUserCommandsAsync(args))
{
    return;
}

await app.LoadReadModelAsync();

app.UseTransportSecurity();
app.UseRequestLogAndCachedPages();

app.UseAsRecordedPermalinks();
app.UseReleasePins();
app.UseHeadAsGet();
app.UseSecurityHeaders();
app.UseAccounts();
app.UseUi();
app.UseApi();
app.MapApiReference();
app.MapOpenDataApi();
app.MapFeedsEmbedsAndNetwork();
app.MapHealth();
app.MapShareCards();
app.MapAccounts();
app.MapEditing();
app.MapCorrections();
app.MapReleases();
await app.RunAsync();
