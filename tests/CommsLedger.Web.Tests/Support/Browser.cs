using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright, once for all the tests (Playwright's own browser download is not
/// used: the machines have no internet).</summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (apt-get install chromium; .ci/run does)");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) with one page on <paramref name="host"/>. JavaScript is off
    /// unless asked for: every page must work without it.</summary>
    /// <param name="session">Cookies saved from an earlier context (<see cref="IBrowserContext.StorageStateAsync"/>).</param>
    public async Task<IPage> NewPage(WebHost host, bool javaScript = false, int width = 1280, string? session = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.Address,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
            StorageState = session,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
