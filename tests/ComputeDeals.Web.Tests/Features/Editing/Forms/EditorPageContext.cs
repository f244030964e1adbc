using System.Net;
using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using ComputeDeals.Testing;
using ComputeDeals.Web.Features.Accounts;
using ComputeDeals.Web.Features.Corrections;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ComputeDeals.Web.Tests.Features.Editing.Forms;

/// <summary>
/// Renders the real editor pages (company, data center, valuation) with bUnit on top of the app's own services
/// and test database, signed in as an editor, so a test types into the form, clicks Save, Delete or Restore
/// and then reads the public pages, the API and analytics over HTTP from the same app.
/// </summary>
public abstract class EditorPageContext : BunitContext, IAsyncLifetime
{
    private readonly AsyncServiceScope _scope;
    private readonly BunitAuthorizationContext _auth;

    /// <summary>
    /// How long a wait for the page (a button appearing, a save finishing) may take before it fails. bUnit's
    /// one-second default is too short for a page that loads and saves through PostgreSQL on a busy CI machine;
    /// this is patience, not a timed assertion: a wait that succeeds returns as soon as it does.
    /// </summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    protected EditorPageContext(TestAppFactory app)
    {
        DefaultWaitTimeout = Patience;
        ArgumentNullException.ThrowIfNull(app);
        App = app;
        _scope = app.Services.CreateAsyncScope();
        // Every service is registered before the first render (bUnit refuses later registrations).
        Services.AddMudServices();
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
        // Reads the page's address: it must see bUnit's navigation, not the app's (uninitialised outside a circuit).
        Services.AddScoped(sp => new SuggestionPrefill(_scope.ServiceProvider.GetRequiredService<CorrectionService>(), sp.GetRequiredService<NavigationManager>()));
        _auth = AddAuthorization();
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Dialogs = Render<MudDialogProvider>();
        Popovers = Render<MudPopoverProvider>();
    }

    protected TestAppFactory App { get; }

    /// <summary>Where merge dialogs open.</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; }

    /// <summary>Where autocomplete and select lists open.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; }

    protected T Service<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    protected string CurrentUri => Services.GetRequiredService<NavigationManager>().Uri;

    /// <summary>Creates an editor and makes them the signed-in user of every page rendered afterwards; the principal for direct service calls.</summary>
    protected async Task<ClaimsPrincipal> SignInEditorAsync(string email)
    {
        var id = await App.CreateUserAsync(email, AppRoles.Editor);
        _auth.SetAuthorized(email);
        _auth.SetRoles(AppRoles.Editor);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email));
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email)], "test"));
    }

    /// <summary>Another editor, for saving "behind the form's back" through the write service.</summary>
    protected async Task<ClaimsPrincipal> OtherEditorAsync(string email)
    {
        var id = await App.CreateUserAsync(email, AppRoles.Editor);
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email)], "test"));
    }

    /// <summary>The input a visible label names (MudBlazor ties each label to its input by id).</summary>
    protected static IElement Field<T>(IRenderedComponent<T> page, string label)
        where T : IComponent
    {
        ArgumentNullException.ThrowIfNull(page);
        var labels = page.FindAll("label").Where(l => l.TextContent.Trim() == label && l.GetAttribute("for") is { Length: > 0 }).ToList();
        Assert.True(labels.Count == 1, $"Expected one field labelled \"{label}\", found {labels.Count}.");
        return page.Find("#" + labels[0].GetAttribute("for"));
    }

    /// <summary>Types a value into the labelled field and leaves it (the change event the form binds to).</summary>
    protected static void Type<T>(IRenderedComponent<T> page, string label, string value)
        where T : IComponent => Field(page, label).Change(value);

    protected static void Click<T>(IRenderedComponent<T> page, string text)
        where T : IComponent
    {
        ArgumentNullException.ThrowIfNull(page);
        // Found afresh until the click lands: a re-render in between retires the found element's handler.
        page.WaitForAssertion(() => page.FindAll("button").Single(b => b.TextContent.Trim() == text).Click());
    }

    /// <summary>Picks a company in the labelled autocomplete, as an editor does: type, then click the match.</summary>
    protected void Pick<T>(IRenderedComponent<T> page, string label, string name)
        where T : IComponent
    {
        Field(page, label).Input(name);
        // The list re-renders while it searches: find the item afresh until the click lands.
        Popovers.WaitForAssertion(() => Popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == name).Click());
        page.WaitForAssertion(() => Assert.Equal(name, Field(page, label).GetAttribute("value")));
    }

    /// <summary>A client for the public site that does not follow redirects.</summary>
    protected HttpClient Public() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected async Task<HttpStatusCode> StatusAsync(string path)
    {
        using var client = Public();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    protected async Task<string> TextAsync(string path)
    {
        using var client = Public();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _scope.DisposeAsync();
    }
}
