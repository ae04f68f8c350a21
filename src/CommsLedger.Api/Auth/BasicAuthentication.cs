using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using CommsLedger.Application.Access.Credentials;
using CommsLedger.Api.Problems;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CommsLedger.Api.Auth;

/// <summary>People may sign in with HTTP Basic (user name and password, over TLS in production). The password hash is
/// deliberately slow, so jobs should use API keys and ministries their identity provider (JWT); repeated failures
/// are throttled (<see cref="SignInThrottle"/>) before the hash is computed, answering 429 with Retry-After.</summary>
public sealed class BasicAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Basic";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, Name, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (Decode(header.Parameter) is not var (name, password))
        {
            return AuthenticateResult.Fail("the Basic credentials are not base64 of user:password");
        }

        var address = Context.Connection.RemoteIpAddress;
        var attempt = Context.RequestServices.GetRequiredService<SignInThrottle>().Begin(name, address);
        if (attempt.RetryAfter is { } wait)
        {
            Logger.LogWarning("Sign-in throttled for {User} from {Address}: too many failed attempts; refused without checking the password for {Seconds} s",
                name, address, (int)Math.Ceiling(wait.TotalSeconds));
            throw new RequestRefused(StatusCodes.Status429TooManyRequests, "Too many failed sign-ins",
                "too many failed sign-ins for this user or from this address; wait for Retry-After, or use an API key", "Authorization")
            {
                RetryAfter = wait,
            };
        }

        var mediator = Context.RequestServices.GetRequiredService<IMediator>();
        var user = await mediator.Send(new AuthenticatePassword(name, password), Context.RequestAborted);
        if (user is null)
        {
            Logger.LogWarning("Failed sign-in for {User} from {Address}", name, address);
            return AuthenticateResult.Fail("wrong user name or password");
        }

        attempt.Succeeded();
        return AuthenticateResult.Success(new AuthenticationTicket(LedgerClaims.Principal(user, Name), Name));
    }

    private static (string Name, string Password)? Decode(string? parameter)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(parameter ?? ""));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? (text[..colon], text[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
