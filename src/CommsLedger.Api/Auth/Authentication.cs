using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CommsLedger.Api.Auth;

/// <summary>One default scheme that forwards to whichever credentials the request carries: <c>X-Api-Key</c>,
/// <c>Authorization: Basic</c>, or <c>Authorization: Bearer</c> when a JWT provider is configured.</summary>
public static class Authentication
{
    public const string Scheme = "Ledger";

    public static IServiceCollection AddLedgerAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var jwt = configuration.GetSection(JwtSettings.Section).Get<JwtSettings>() ?? new JwtSettings();
        services.AddSingleton(jwt);
        services.AddSingleton<SignInThrottle>();
        var builder = services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key, Basic or bearer token", options => options.ForwardDefaultSelector = http => Select(http, jwt))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.Name, null)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthentication>(BasicAuthentication.Name, null);
        if (jwt.IsConfigured)
        {
            builder.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, jwt.Apply);
        }

        return services;
    }

    private static string Select(HttpContext http, JwtSettings jwt)
    {
        if (http.Request.Headers.ContainsKey(ApiKeyAuthentication.Header))
        {
            return ApiKeyAuthentication.Name;
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && jwt.IsConfigured)
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        return authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) ? BasicAuthentication.Name : ApiKeyAuthentication.Name;
    }

    /// <summary>What a 401 tells the client to send.</summary>
    public static IEnumerable<string> Challenges(JwtSettings jwt) => jwt.IsConfigured
        ? ["Basic realm=\"commsledger\"", "Bearer", $"ApiKey header=\"{ApiKeyAuthentication.Header}\""]
        : ["Basic realm=\"commsledger\"", $"ApiKey header=\"{ApiKeyAuthentication.Header}\""];
}
