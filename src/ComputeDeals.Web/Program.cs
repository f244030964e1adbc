using ComputeDeals.Web.Api;
using ComputeDeals.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLogging();
builder.AddDatabase();
builder.AddSharedDataProtection();
builder.AddHealth();
builder.AddUi();
builder.AddFeatures();
builder.AddContentCache();
builder.AddApi();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseRequestLogging();
app.UseUi();
app.UseApi();
app.MapApiReference();
app.MapDealsApi();
app.MapCompaniesApi();
app.MapDataCentersApi();
app.MapValuationsApi();
app.MapSourcesApi();
app.MapCsvExports();
app.MapDealFeed();
app.MapHealth();
await app.RunAsync();
