using System.Text.Encodings.Web;
using CommsLedger.Application.Access;
using CommsLedger.Application.Access.Credentials;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CommsLedger.Api.Auth;

/// <summary>Reporting jobs and scripts send <c>X-Api-Key</c>; the key acts as its user.</summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var mediator = Context.RequestServices.GetRequiredService<IMediator>();
        var holder = values.Count == 1 ? await mediator.Send(new AuthenticateApiKey(values[0]!), Context.RequestAborted) : null;
        if (holder is null)
        {
            return AuthenticateResult.Fail("the API key is unknown, revoked or expired, or its user was removed");
        }

        WarnIfExpiring(holder);
        return AuthenticateResult.Success(new AuthenticationTicket(LedgerClaims.Principal(holder.User, Name), Name));
    }

    /// <summary>A key close to its expiry says so on every answer (RFC 7234's <c>Warning: 299</c>, miscellaneous
    /// persistent warning), so a job's log shows it in time to issue a new key.</summary>
    private void WarnIfExpiring(KeyHolder holder)
    {
        var now = Context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!ApiKeyExpiry.IsClose(holder.ExpiresAt, now))
        {
            return;
        }

        var warning = $"299 commsledger \"API key {holder.KeyId} expires {holder.ExpiresAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}: issue a new one with POST /me/keys\"";
        Response.OnStarting(() =>
        {
            Response.Headers[WarningHeader] = warning;
            return Task.CompletedTask;
        });
    }

    public const string WarningHeader = "Warning";
}
