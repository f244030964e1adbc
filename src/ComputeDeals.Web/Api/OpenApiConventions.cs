using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ComputeDeals.Web.Api;

/// <summary>
/// Makes the OpenAPI document pass the recommended rule sets of the common linters (Spectral's
/// spectral:oas, Redocly's recommended): the read API is public (security declared as none at the
/// root), the server URL has no trailing slash, every operation documents a 4XX (every path is rate
/// limited, so 429 applies to all), every tag is described, and the licence carries an SPDX identifier.
/// </summary>
public static class OpenApiConventions
{
    /// <summary>The description of every tag the endpoint groups use (a test checks none is missing).</summary>
    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Deals"] = "Published deals: the timeline's filters, sort and paging, and each deal with its parties, figures, term and sources.",
        ["Companies"] = "Companies with their kind, parent and aliases; each company's deals, data centers and valuations.",
        ["Data centers"] = "Data centers with their operator, location and capacity timeline.",
        ["Valuations"] = "Company valuations over time, each with its basis and source.",
        ["Sources"] = "The reports cited by deals, valuations and capacity rows.",
        ["CSV exports"] = "The same rows as the JSON lists, as RFC 4180 CSV files.",
        ["Feeds"] = "Atom feeds of any timeline view, of each company and data center, and of published corrections and updates.",
        ["Analytics"] = "Capacity positions, valuation comparisons, deal value per MW and quarterly totals at an as-of date.",
    };

    public static OpenApiOptions AddOpenDataConventions(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, context, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "ComputeDeals open data",
                Version = "v1",
                Description = "Read-only JSON and CSV access to published compute deals, companies, data centers, "
                    + "valuations and sources. Every figure carries its qualifier and basis; errors are RFC 9457 problem details.",
                // Corrections go through the "Suggest a correction" link on every record's page.
                Contact = new OpenApiContact { Name = "ComputeDeals editors" },
                License = new OpenApiLicense
                {
                    Name = "Creative Commons Attribution 4.0 (the compilation; each figure cites its own sources)",
                    Identifier = "CC-BY-4.0",
                },
            };

            // Public read API: an empty requirement means "no authentication".
            document.Security = [new OpenApiSecurityRequirement()];

            foreach (var server in document.Servers ?? [])
            {
                server.Url = server.Url?.TrimEnd('/');
            }

            var used = ((IEnumerable<IOpenApiPathItem>?)document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
                .SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
                .SelectMany(o => (IEnumerable<OpenApiTagReference>?)o.Tags ?? Enumerable.Empty<OpenApiTagReference>())
                .Select(t => t.Name)
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
            document.Tags = new HashSet<OpenApiTag>(used.Order(StringComparer.Ordinal).Select(name => new OpenApiTag
            {
                Name = name,
                Description = TagDescriptions.GetValueOrDefault(name, name),
            }));
            return Task.CompletedTask;
        });

        options.AddOperationTransformer((operation, context, _) =>
        {
            // Every /api/v1 read can be pinned to a release (handled by a middleware, so no handler declares it).
            if (OpenDataApi.ContainsRoute(context.Description.RelativePath))
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "release",
                    In = ParameterLocation.Query,
                    Required = false,
                    Description = "A dataset release id such as 2026-11-29.1 (listed at /data): answer from that release instead of the current data. "
                        + "An unknown id is a 404 problem.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("404", new OpenApiResponse { Description = "Not found, or an unknown release: a problem details body says which." });
            }

            operation.Responses ??= new OpenApiResponses();
            if (!operation.Responses.Keys.Any(code => code.StartsWith('4')))
            {
                operation.Responses["429"] = new OpenApiResponse
                {
                    Description = "Too many requests: a problem details body says when to retry (Retry-After header).",
                };
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
