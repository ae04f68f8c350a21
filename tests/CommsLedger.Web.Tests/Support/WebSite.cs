using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using CommsLedger.Integrity.Checkpoints;
using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.Support;

/// <summary>
/// What the browser tests share, started once for the collection (CI time): a throw-away PostgreSQL cluster, one
/// Chromium, and one real application (pages and API on Kestrel) on a database holding the seed call, with the
/// ledger's public key configured for "verify now" and the users the tests sign in as. Tests that change the
/// ledger work on entries of their own, or compare before with after, so they do not depend on their order.
/// </summary>
public sealed class WebSite : IAsyncLifetime
{
    /// <summary>SECRET recorder.</summary>
    public const string Recorder = "rita";

    /// <summary>CONFIDENTIAL reporter.</summary>
    public const string Reporter = "rory";

    /// <summary>TOP SECRET reviewer.</summary>
    public const string Reviewer = "vera";

    /// <summary>CONFIDENTIAL reviewer.</summary>
    public const string ConfidentialReviewer = "cora";

    /// <summary>SECRET administrator.</summary>
    public const string Admin = "ada";

    private readonly string _keys = Path.Combine(Path.GetTempPath(), "commsledger-web-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _sessions = new(StringComparer.Ordinal);

    public PostgresCluster Postgres { get; } = new();
    public Browser Browser { get; } = new();
    public WebHost Host { get; private set; } = null!;
    public LedgerKey Key { get; } = LedgerKey.Generate();

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Postgres.InitializeAsync(), Browser.InitializeAsync());
        Directory.CreateDirectory(_keys);
        var publicKey = Path.Combine(_keys, "ledger-public.pem");
        await File.WriteAllTextAsync(publicKey, Key.ExportPublicKeyPem());
        Host = await WebHost.StartAsync(Postgres, configure: builder => builder.Configuration["Integrity:PublicKeyPath"] = publicKey);
        await Host.AddUser(Recorder, Classification.Secret, LedgerRole.Recorder);
        await Host.AddUser(Reporter, Classification.Confidential, LedgerRole.Reporter);
        await Host.AddUser(Reviewer, Classification.TopSecret, LedgerRole.Reviewer);
        await Host.AddUser(ConfidentialReviewer, Classification.Confidential, LedgerRole.Reviewer);
        await Host.AddUser(Admin, Classification.Secret, LedgerRole.Admin);
    }

    /// <summary>A new browser context on the shared application, signed in as <paramref name="user"/> when given (on the
    /// start page, where signing in lands). Each
    /// user signs in through the page once; later contexts start with that session's cookie (a password check costs
    /// 600,000 PBKDF2 rounds, which CI time need not pay again and again).</summary>
    public async Task<IPage> Open(string? user = null, bool javaScript = false, int width = 1280)
    {
        if (user is not null && _sessions.TryGetValue(user, out var session))
        {
            var signedIn = await Browser.NewPage(Host, javaScript, width, session);
            await signedIn.GotoAsync("/");
            return signedIn;
        }

        var page = await Browser.NewPage(Host, javaScript, width);
        if (user is not null)
        {
            await page.SignIn(user);
            await Assertions.Expect(page.GetByTestId("who")).ToContainTextAsync("Signed in as " + user);
            _sessions[user] = await page.Context.StorageStateAsync();
        }

        return page;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Browser.DisposeAsync();
        await Postgres.DisposeAsync();
        Key.Dispose();
        Directory.Delete(_keys, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebSite>
{
    public const string Name = "web";
}
