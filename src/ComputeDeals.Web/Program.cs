using ComputeDeals.Web.Api;
using ComputeDeals.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLogging();
builder.AddDatabase();
builder.AddHealth();
builder.AddUi();
builder.AddFeatures();
builder.AddContentCache();
builder.AddAnalytics();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseRequestLogging();
app.UseUi();
app.MapHealth();
app.MapAnalyticsEndpoints();
await app.RunAsync();
