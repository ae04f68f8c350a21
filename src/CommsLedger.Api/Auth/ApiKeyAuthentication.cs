using System.Text.Encodings.Web;
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
        var user = values.Count == 1 ? await mediator.Send(new AuthenticateApiKey(values[0]!), Context.RequestAborted) : null;
        return user is null
            ? AuthenticateResult.Fail("the API key is unknown, revoked, or its user was removed")
            : AuthenticateResult.Success(new AuthenticationTicket(LedgerClaims.Principal(user, Name), Name));
    }
}
