using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ComputeDeals.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace ComputeDeals.Web.Tests.Api;

public class OpenApiTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private async Task<JsonElement> GetDocumentAsync()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task The_document_is_openapi_3_and_describes_every_mapped_api_v1_endpoint()
    {
        var document = await GetDocumentAsync();
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(document.GetProperty("info").GetProperty("title").GetString()));
        var paths = document.GetProperty("paths");

        var all = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var endpoints = all
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1", StringComparison.Ordinal) == true)
            .ToList();
        Assert.True(endpoints.Count >= 11, $"only {endpoints.Count} /api/v1 endpoints found among: " + string.Join(" ", all.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText)));
        foreach (var endpoint in endpoints)
        {
            // A group's root route reads "/api/v1/deals/"; the document writes it without the slash.
            var path = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the OpenAPI document");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out _), $"{method} {path} is missing");
            }
        }
    }

    [Fact]
    public async Task The_document_reads_back_and_validates_against_the_openapi_rules()
    {
        await using var stream = await app.CreateClient().GetStreamAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        var result = await OpenApiDocument.LoadAsync(stream, "json");

        Assert.NotNull(result.Document);
        Assert.Empty(result.Diagnostic!.Errors);
        var errors = result.Document.Validate(ValidationRuleSet.GetDefaultRuleSet());
        Assert.Empty(errors ?? []);
        // 11 open-data paths (deals, companies, data centers, valuations, sources, CSV) + 4 feeds (deals, company,
        // data center, changes) + 5 analytics paths.
        Assert.Equal(20, result.Document.Paths.Count);
    }

    [Fact]
    public async Task Every_operation_has_a_name_a_summary_and_described_parameters()
    {
        var document = await GetDocumentAsync();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Operation: o.Value)))
            .ToList();
        Assert.NotEmpty(operations);
        foreach (var (path, operation) in operations)
        {
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("operationId").GetString()), path);
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()), path);
            Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _), path);
            if (operation.TryGetProperty("parameters", out var parameters))
            {
                foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query"))
                {
                    Assert.True(parameter.TryGetProperty("description", out _), $"{path} {parameter.GetProperty("name")} has no description");
                }
            }
        }

        var dealParameters = document.GetProperty("paths").GetProperty("/api/v1/deals").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["q", "company", "type", "status", "from", "to", "minValue", "minMw", "sort", "dir", "page", "pageSize", "release"], dealParameters);
        Assert.True(document.GetProperty("paths").GetProperty("/api/v1/deals").GetProperty("get").GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(document.GetProperty("paths").GetProperty("/api/v1/deals/{slug}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
    }

    [Fact]
    public async Task The_companies_parameter_of_valuations_states_the_comparison_rule()
    {
        var document = await GetDocumentAsync();

        var companies = document.GetProperty("paths").GetProperty("/api/v1/analytics/valuations").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == "companies");
        var description = companies.GetProperty("description").GetString()!;
        // The rule of ComparedCompanies: one to Max companies, the default comparison without the parameter, 400 otherwise.
        Assert.StartsWith($"One to {ComputeDeals.Web.Features.Analytics.ComparedCompanies.Max} company slugs", description, StringComparison.Ordinal);
        Assert.Contains("default: " + string.Join(",", ComputeDeals.Web.Features.Analytics.ComparedCompanies.DefaultSlugs), description, StringComparison.Ordinal);
        Assert.Contains($"more than {ComputeDeals.Web.Features.Analytics.ComparedCompanies.Max} companies", description, StringComparison.Ordinal);
        Assert.False(companies.TryGetProperty("required", out var required) && required.GetBoolean());
    }

    [Fact]
    public async Task The_schemas_describe_figures_with_qualifiers_as_camel_case_strings()
    {
        var schemas = (await GetDocumentAsync()).GetProperty("components").GetProperty("schemas");

        var figure = schemas.GetProperty("FigureDto").GetProperty("properties");
        foreach (var name in new[] { "low", "high", "qualifier", "basis", "note", "text", "sources" })
        {
            Assert.True(figure.TryGetProperty(name, out _), name);
        }

        var qualifiers = schemas.GetProperty("FigureQualifier").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(["exact", "approximately", "upTo", "atLeast", "undisclosed"], qualifiers);
    }

    [Fact]
    public async Task Blazor_pages_are_not_in_the_document()
    {
        var paths = (await GetDocumentAsync()).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.All(paths, p => Assert.True(p.StartsWith("/api/v1/", StringComparison.Ordinal) || p.StartsWith("/feeds/", StringComparison.Ordinal), p));
    }

    [Fact]
    public async Task The_reference_page_works_offline_from_the_apps_own_assets()
    {
        var client = app.CreateClient();
        var response = await client.GetAsync(new Uri("/api/docs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        var page = await new HtmlParser().ParseDocumentAsync(html);

        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        var references = page.QuerySelectorAll("script[src], link[href], img[src]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!)
            .ToList();
        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            Assert.False(reference.StartsWith("//", StringComparison.Ordinal), reference);
            var asset = await client.GetAsync(new Uri(new Uri("http://localhost/api/docs/"), reference));
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{reference} gave {asset.StatusCode}");
        }

        var config = await client.GetStringAsync(new Uri("/api/docs/index.js", UriKind.Relative));
        Assert.Contains("/openapi/v1.json", config, StringComparison.Ordinal);
    }
}

/// <summary>The points the recommended rule sets of Spectral (spectral:oas) and Redocly check, read from the served document.</summary>
public class OpenApiLintTests(TestAppFactory app) : IClassFixture<TestAppFactory>
{
    private async Task<JsonElement> GetDocumentAsync()
    {
        var json = await app.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    [Fact]
    public async Task Security_is_declared_as_none_at_the_root()
    {
        var document = await GetDocumentAsync();
        var security = document.GetProperty("security");
        var requirement = Assert.Single(security.EnumerateArray().ToList());
        Assert.Empty(requirement.EnumerateObject());
    }

    [Fact]
    public async Task No_server_url_ends_with_a_slash()
    {
        var document = await GetDocumentAsync();
        var servers = document.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()!).ToList();
        Assert.NotEmpty(servers);
        Assert.All(servers, url => Assert.False(url.EndsWith('/'), $"{url} ends with a slash"));
    }

    [Fact]
    public async Task Every_operation_documents_a_4xx_response()
    {
        var document = await GetDocumentAsync();
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "head" or "post" or "put" or "delete" or "patch")
                .Select(o => (Name: $"{o.Name} {p.Name}", Responses: o.Value.GetProperty("responses"))))
            .ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, op => Assert.True(
            op.Responses.EnumerateObject().Any(r => r.Name.StartsWith('4')), $"{op.Name} documents no 4XX response"));
    }

    [Fact]
    public async Task Every_tag_used_by_an_operation_is_declared_with_a_description()
    {
        var document = await GetDocumentAsync();
        var declared = document.GetProperty("tags").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.TryGetProperty("description", out var d) ? d.GetString() : null);
        var used = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject())
            .Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("tags", out _))
            .SelectMany(o => o.Value.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!))
            .Distinct()
            .ToList();
        Assert.NotEmpty(used);
        Assert.All(used, tag =>
        {
            Assert.True(declared.TryGetValue(tag, out var description), $"tag {tag} is not declared");
            Assert.False(string.IsNullOrWhiteSpace(description) || description == tag, $"tag {tag} has no description");
        });
    }

    [Fact]
    public async Task Every_operation_has_a_description_and_the_info_a_contact()
    {
        var document = await GetDocumentAsync();
        Assert.False(string.IsNullOrWhiteSpace(document.GetProperty("info").GetProperty("contact").GetProperty("name").GetString()));
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "head" or "post" or "put" or "delete" or "patch")
                .Select(o => (Name: $"{o.Name} {p.Name}", Operation: o.Value)))
            .ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, op => Assert.True(
            op.Operation.TryGetProperty("description", out var d) && !string.IsNullOrWhiteSpace(d.GetString()), $"{op.Name} has no description"));
    }

    [Fact]
    public async Task The_licence_has_an_spdx_identifier()
    {
        var document = await GetDocumentAsync();
        var license = document.GetProperty("info").GetProperty("license");
        Assert.False(string.IsNullOrWhiteSpace(license.GetProperty("name").GetString()));
        Assert.Equal("CC-BY-4.0", license.GetProperty("identifier").GetString());
    }
}
