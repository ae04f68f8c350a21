using System.Net;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace CommsLedger.Client.SignIn;

/// <summary>
/// Signs every request in with a CommsLedger API key (the <c>X-Api-Key</c> header). Like Kiota's own
/// <see cref="ApiKeyAuthenticationProvider"/> it sends the key only to the one host given and only over https, except
/// to a loopback address (an API on the same machine, as in development and in the contract tests).
/// </summary>
public sealed class ApiKeySignIn : IAuthenticationProvider
{
    /// <summary>The header the API reads the key from.</summary>
    public const string Header = "X-Api-Key";

    private readonly string _apiKey;
    private readonly Uri _api;

    /// <param name="api">The API's address; the key goes to its host and port only.</param>
    /// <param name="apiKey">The API key.</param>
    public ApiKeySignIn(Uri api, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _api = api;
        _apiKey = apiKey;
    }

    /// <inheritdoc />
    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.URI;
        if (!string.Equals(target.Host, _api.Host, StringComparison.OrdinalIgnoreCase) || target.Port != _api.Port)
        {
            throw new InvalidOperationException($"The API key is for {_api.Authority}; not sent to {target.Authority}.");
        }

        if (target.Scheme != Uri.UriSchemeHttps && !IsLoopback(target))
        {
            throw new InvalidOperationException($"The API key is sent over https only (or to a loopback address); {target.Scheme}://{target.Authority} is neither.");
        }

        request.Headers.TryAdd(Header, _apiKey);
        return Task.CompletedTask;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
}
