using System.Net;
using System.Text.RegularExpressions;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Validation;
using ComputeDeals.Testing;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Tests.Features.Corrections;

/// <summary>An app whose correction limiter is generous, so each test's posts do not hit it.</summary>
public sealed class CorrectionsAppFactory : TestAppFactory
{
    public CorrectionsAppFactory() => With("Corrections:PermitLimit", "1000");
}

/// <summary>An app that lets one address send three suggestions an hour.</summary>
public sealed class FloodAppFactory : TestAppFactory
{
    public FloodAppFactory() => With("Corrections:PermitLimit", "3");
}

/// <summary>Posting the form the way a browser does: GET it, keep the cookie, send the token back.</summary>
internal static partial class SuggestForm
{
    public const string DealPath = "/suggest/deals/openai-coreweave-2025-05";

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string text, string url, string? email = null, string? website = null, bool withToken = true) =>
        PostToAsync(DealPath, client, text, url, email, website, withToken);

    public static async Task<HttpResponseMessage> PostToAsync(string path, HttpClient client, string text, string url, string? email = null, string? website = null, bool withToken = true)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "suggest",
            ["Input.Text"] = text,
            ["Input.SourceUrl"] = url,
            ["Input.ContactEmail"] = email ?? string.Empty,
            ["Input.Website"] = website ?? string.Empty,
        };
        if (withToken)
        {
            fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        }

        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    public static string TokenOf(string page) => WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public class CorrectionTests(CorrectionsAppFactory app) : IClassFixture<CorrectionsAppFactory>
{
    private async Task<List<CorrectionSuggestion>> StoredAsync(string marker)
    {
        await using var db = app.CreateDbContext();
        return await db.CorrectionSuggestions.Where(s => s.Text.Contains(marker)).ToListAsync();
    }

    [Fact]
    public async Task Every_permalink_links_to_its_correction_form()
    {
        foreach (var (path, form) in new[]
        {
            ("/deals/openai-coreweave-2025-05", "/suggest/deals/openai-coreweave-2025-05"),
            ("/companies/cursor", "/suggest/companies/cursor"),
            ("/datacenters/barber-lake", "/suggest/datacenters/barber-lake"),
        })
        {
            var page = await app.GetPageAsync(path);
            Assert.NotNull(page.QuerySelector($".cd-suggest-link a[href='{form}']"));
            var formPage = await app.GetPageAsync(form);
            Assert.NotNull(formPage.QuerySelector("form[method=post] input[name=__RequestVerificationToken]"));
        }
    }

    [Fact]
    public async Task A_sourced_suggestion_is_stored_for_editors_and_shown_nowhere_public()
    {
        var client = app.CreateBrowserLikeClient();
        var response = await SuggestForm.PostAsync(client, "The value is $12B, not $11.9B (marker-ok-1).", "https://example.com/report", "reader@example.org");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thank you", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = Assert.Single(await StoredAsync("marker-ok-1"));
        Assert.Equal(SuggestionStatus.Pending, stored.Status);
        Assert.Equal("https://example.com/report", stored.SourceUrl);
        Assert.Equal("reader@example.org", stored.ContactEmail);

        foreach (var path in new[] { "/deals/openai-coreweave-2025-05", "/api/v1/deals/openai-coreweave-2025-05", "/api/v1/deals.csv", "/api/v1/deals", "/feeds/deals.atom" })
        {
            var body = await app.CreateClient().GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.DoesNotContain("marker-ok-1", body, StringComparison.Ordinal);
            Assert.DoesNotContain("reader@example.org", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("javascript:alert(1)", "SourceUrl")]
    [InlineData("ftp://example.com/file", "SourceUrl")]
    [InlineData("", "SourceUrl")]
    [InlineData("not a url", "SourceUrl")]
    public async Task A_source_that_is_not_an_http_address_is_refused_inline_and_nothing_is_stored(string url, string field)
    {
        var marker = "marker-url-" + Guid.NewGuid().ToString("N");
        var response = await SuggestForm.PostAsync(app.CreateBrowserLikeClient(), $"The capacity is wrong ({marker}).", url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PageClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector($".cd-field-error[data-field='{field}']"));
        Assert.Empty(await StoredAsync(marker));
    }

    // A suggestion's source becomes a cited source when an editor applies it: the reader's form refuses
    // what the editors' source rule refuses, in the same words (an intranet host, a URL with a space).
    [Theory]
    [InlineData("https://intranet/report")]
    [InlineData("https://example.com/a report")]
    [InlineData("javascript:alert(1)")]
    public async Task A_source_url_is_refused_with_the_words_of_the_editors_source_rule(string url)
    {
        var marker = "marker-rule-" + Guid.NewGuid().ToString("N");
        var expected = SourceRules.Validate(new Source { Url = url, Title = "A report" }, DateOnly.FromDateTime(DateTime.UtcNow)).For("Url");

        var response = await SuggestForm.PostAsync(app.CreateBrowserLikeClient(), $"The capacity is wrong ({marker}).", url);

        Assert.NotNull(expected);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PageClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(expected, page.QuerySelector(".cd-field-error[data-field='SourceUrl']")?.TextContent.Trim());
        Assert.Empty(await StoredAsync(marker));
    }

    [Fact]
    public async Task Huge_text_and_a_bad_email_are_refused_with_clear_errors()
    {
        var marker = "marker-huge";
        var huge = marker + new string('x', FieldLimits.CorrectionText + 10);
        var response = await SuggestForm.PostAsync(app.CreateBrowserLikeClient(), huge, "https://example.com", "not-an-email");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PageClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("under 4,000 characters", page.QuerySelector(".cd-field-error[data-field='Text']")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".cd-field-error[data-field='ContactEmail']"));
        Assert.Empty(await StoredAsync(marker));
    }

    [Fact]
    public async Task A_filled_honeypot_looks_accepted_but_stores_nothing()
    {
        var response = await SuggestForm.PostAsync(app.CreateBrowserLikeClient(), "Buy cheap things here (marker-bot).", "https://spam.example", website: "https://spam.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await StoredAsync("marker-bot"));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        var response = await SuggestForm.PostAsync(app.CreateBrowserLikeClient(), "No token here (marker-csrf).", "https://example.com", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await StoredAsync("marker-csrf"));
    }

    [Fact]
    public async Task Drafts_and_unknown_records_have_no_correction_form()
    {
        var client = app.NoRedirects();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/suggest/deals/no-such-deal", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/suggest/valuations/1", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_editor_sees_script_as_text_accepts_in_two_clicks_and_rejects_with_a_reason()
    {
        await SuggestForm.PostAsync(app.CreateBrowserLikeClient(), "<script>alert('marker-xss')</script> value should be $12B", "https://example.com/a\"onmouseover=\"x");
        await SuggestForm.PostAsync(app.CreateBrowserLikeClient(), "Capacity is 350 MW (marker-reject).", "https://example.com/b");
        var xss = Assert.Single(await StoredAsync("marker-xss"));
        var toReject = Assert.Single(await StoredAsync("marker-reject"));

        Assert.Equal(HttpStatusCode.Redirect, (await app.NoRedirects().GetAsync(new Uri("/editor/suggestions", UriKind.Relative))).StatusCode);

        var editor = await app.SignedInClientAsync("corrections-editor@example.com", "Editor");
        var html = await editor.GetStringAsync(new Uri("/editor/suggestions", UriKind.Relative));
        Assert.DoesNotContain("<script>alert('marker-xss')", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var queue = await PageClient.ParseAsync(html);
        Assert.NotNull(queue.QuerySelector($"li[data-suggestion='{xss.Id}'] button[data-action=accept]"));
        Assert.Null(queue.QuerySelector("[onmouseover]"));

        // Click 1 (accept) lands on the edit form; click 2 is the form's own Save.
        var token = SuggestForm.TokenOf(html);
        using (var accept = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["confirm"] = "yes" }))
        {
            var accepted = await editor.PostAsync(new Uri($"/editor/suggestions/{xss.Id}/accept", UriKind.Relative), accept);
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
            Assert.Equal($"/editor/deals/{xss.EntityId}?suggestion={xss.Id}", accepted.Headers.Location?.OriginalString);
            var form = await PageClient.ParseAsync(await editor.GetStringAsync(accepted.Headers.Location));
            Assert.Contains("marker-xss", form.QuerySelector($".cd-suggestion-panel[data-suggestion='{xss.Id}']")?.TextContent, StringComparison.Ordinal);
            // The form opens prefilled: the reader's source is already the last row of the deal's sources, as text, not markup.
            var urls = form.QuerySelectorAll("input[id^='source-'][id$='-url']").Select(i => i.GetAttribute("value")).ToList();
            Assert.Equal(xss.SourceUrl, urls[^1]);
            Assert.StartsWith("Source suggested by a reader (example.com)", form.QuerySelector($"input#source-{urls.Count - 1}-title")?.GetAttribute("value"), StringComparison.Ordinal);
            Assert.Null(form.QuerySelector("[onmouseover]"));
        }

        using (var noReason = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["reason"] = " " }))
        {
            var refused = await editor.PostAsync(new Uri($"/editor/suggestions/{toReject.Id}/reject", UriKind.Relative), noReason);
            Assert.Contains("message=", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        using (var reject = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["reason"] = "The source does not say 350 MW." }))
        {
            var rejected = await editor.PostAsync(new Uri($"/editor/suggestions/{toReject.Id}/reject", UriKind.Relative), reject);
            Assert.Equal("/editor/suggestions", rejected.Headers.Location?.OriginalString);
        }

        await using var db = app.CreateDbContext();
        Assert.Equal(SuggestionStatus.Accepted, (await db.CorrectionSuggestions.SingleAsync(s => s.Id == xss.Id)).Status);
        var done = await db.CorrectionSuggestions.SingleAsync(s => s.Id == toReject.Id);
        Assert.Equal(SuggestionStatus.Rejected, done.Status);
        Assert.Equal("The source does not say 350 MW.", done.RejectReason);
        Assert.Equal("corrections-editor@example.com", done.DecidedBy);
    }

    [Theory]
    [InlineData("/suggest/companies/cursor", "companies", "marker-company")]
    [InlineData("/suggest/datacenters/barber-lake", "datacenters", "marker-center")]
    public async Task Accepting_a_company_or_data_center_suggestion_opens_its_form_prefilled_with_the_source(string path, string segment, string marker)
    {
        var url = $"https://example.com/{marker}-source";
        await SuggestForm.PostToAsync(path, app.CreateBrowserLikeClient(), $"The country is wrong ({marker}).", url);
        var suggestion = Assert.Single(await StoredAsync(marker));

        var editor = await app.SignedInClientAsync("corrections-editor@example.com", "Editor");
        var token = SuggestForm.TokenOf(await editor.GetStringAsync(new Uri("/editor/suggestions", UriKind.Relative)));
        using var accept = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["confirm"] = "yes" });
        var accepted = await editor.PostAsync(new Uri($"/editor/suggestions/{suggestion.Id}/accept", UriKind.Relative), accept);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal($"/editor/{segment}/{suggestion.EntityId}?suggestion={suggestion.Id}", accepted.Headers.Location?.OriginalString);

        var form = await PageClient.ParseAsync(await editor.GetStringAsync(accepted.Headers.Location));
        // The suggestion beside the form, and its source already in the record's description, for the editor to check and save.
        Assert.Contains(marker, form.QuerySelector($".cd-suggestion-panel[data-suggestion='{suggestion.Id}']")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(form.QuerySelector(".cd-suggestion-panel [data-prefill=description]"));
        var description = Assert.Single(form.QuerySelectorAll("textarea"));
        Assert.EndsWith($"Source: <{url}>", (description.TextContent + description.GetAttribute("value")).TrimEnd(), StringComparison.Ordinal);
        // What the reader wrote is not copied into the record.
        Assert.DoesNotContain(marker + ")", description.TextContent, StringComparison.Ordinal);

        // The same form without the suggestion is not prefilled.
        var plain = await PageClient.ParseAsync(await editor.GetStringAsync(new Uri($"/editor/{segment}/{suggestion.EntityId}", UriKind.Relative)));
        Assert.DoesNotContain(url, plain.QuerySelector("textarea")?.TextContent ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_cannot_accept_or_reject()
    {
        var reader = await app.SignedInClientAsync("corrections-reader@example.com", null);
        var page = await reader.GetStringAsync(new Uri("/suggest/deals/openai-coreweave-2025-05", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = SuggestForm.TokenOf(page), ["reason"] = "x" });
        var response = await reader.PostAsync(new Uri("/editor/suggestions/1/reject", UriKind.Relative), form);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("/editor/suggestions", response.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);
    }
}

public class CorrectionFloodTests(FloodAppFactory app) : IClassFixture<FloodAppFactory>
{
    [Fact]
    public async Task Flooding_from_one_address_is_refused_with_429_after_the_limit()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await SuggestForm.PostAsync(app.CreateBrowserLikeClient(), $"Flood number {i} (marker-flood).", "https://example.com");
            statuses.Add(response.StatusCode);
            if (i == 4)
            {
                Assert.Contains("Too many suggestions", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        await using var db = app.CreateDbContext();
        Assert.Equal(3, await db.CorrectionSuggestions.CountAsync(s => s.Text.Contains("marker-flood")));
    }
}
