using Microsoft.Kiota.Http.HttpClientLibrary;

namespace CommsLedger.Client.SignIn;

/// <summary>The generated <see cref="CommsLedgerApiClient"/> for one API, signed in with an API key.</summary>
public static class LedgerClient
{
    /// <param name="api">The API's address, e.g. <c>https://ledger.example.gov</c>.</param>
    /// <param name="apiKey">An API key (POST /me/keys, or <c>commsledger users key issue</c>).</param>
    /// <param name="http">An HttpClient to send with; by default Kiota's, with its retry, redirect and header handlers.</param>
    public static CommsLedgerApiClient WithApiKey(Uri api, string apiKey, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        var adapter = new HttpClientRequestAdapter(new ApiKeySignIn(api, apiKey), httpClient: http)
        {
            BaseUrl = api.GetLeftPart(UriPartial.Authority) + api.AbsolutePath.TrimEnd('/'),
        };
        return new CommsLedgerApiClient(adapter);
    }
}
