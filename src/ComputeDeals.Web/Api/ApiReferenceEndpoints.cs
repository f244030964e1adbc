namespace ComputeDeals.Web.Api;

/// <summary>The OpenAPI document at /openapi/v1.json and the offline reference page at /api/docs.</summary>
public static class ApiReferenceEndpoints
{
    public const string DocumentUrl = "/openapi/v1.json";

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").CacheOutput(policy => policy.Expire(TimeSpan.FromMinutes(10)));

        // Swagger UI ships its scripts and styles inside the assembly: the page needs no CDN.
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "api/docs";
            options.DocumentTitle = "ComputeDeals API reference";
            options.SwaggerEndpoint(DocumentUrl, "ComputeDeals open data v1");
            options.ConfigObject.ValidatorUrl = null;
            options.ConfigObject.TryItOutEnabled = true;
            options.ConfigObject.DisplayRequestDuration = true;
        });
        return app;
    }
}
