using ComputeDeals.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLogging();
builder.AddDatabase();
builder.AddHealth();
builder.AddUi();
builder.AddFeatures();
builder.AddContentCache();
builder.AddAccounts();
builder.AddEditing();

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (await app.RunUserCommandsAsync(args))
{
    return;
}

app.UseSecurityHeaders();
app.UseRequestLogging();
app.UseAccounts();
app.UseUi();
app.MapHealth();
app.MapAccounts();
app.MapEditing();
await app.RunAsync();
