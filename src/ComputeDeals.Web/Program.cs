using ComputeDeals.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLogging();
builder.AddDatabase();
builder.AddSharedDataProtection();
builder.AddHealth();
builder.AddUi();
builder.AddFeatures();
builder.AddContentCache();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseRequestLogging();
app.UseUi();
app.MapHealth();
await app.RunAsync();
