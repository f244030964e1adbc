using ComputeDeals.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLogging();
builder.AddDatabase();
builder.AddHealth();
builder.AddUi();
builder.AddFeatures();
builder.AddContentCache();
builder.AddAccounts();

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (await app.RunUserCommandsAsync(args))
{
    return;
}

app.UseRequestLogging();
app.UseAccounts();
app.UseUi();
app.MapHealth();
app.MapAccounts();
await app.RunAsync();
