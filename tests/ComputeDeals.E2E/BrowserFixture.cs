using ComputeDeals.Testing;
using Microsoft.Playwright;

namespace ComputeDeals.E2E;

/// <summary>
/// One real Kestrel server (temporary SQLite database) and one headless Debian Chromium per
/// test class. Playwright never downloads a browser here: it drives /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// The one patience of every browser test, in milliseconds: how long an action, a navigation or an
    /// Expect(...) assertion waits for the page before failing. A ceiling, not a timing assertion: the
    /// shared 2-core machine can take many seconds per page. Set here once for the whole project.
    /// </summary>
    public const float Patience = 45_000;

    private IPlaywright? _playwright;

    public TestAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(Patience);
        BaseAddress = App.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies), with JavaScript on or off.</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(Patience);
        context.SetDefaultNavigationTimeout(Patience);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }
}
