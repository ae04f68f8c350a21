using CommsLedger.Api.Auth;
using Microsoft.OpenApi;

namespace CommsLedger.Api.OpenApi;

/// <summary>The ways to sign in, as security schemes: any one of them is enough.</summary>
public static class SignIn
{
    public const string Bearer = "Bearer";

    public static IEnumerable<(string Name, OpenApiSecurityScheme Scheme)> Schemes(JwtSettings jwt)
    {
        yield return (ApiKeyAuthentication.Name, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthentication.Header,
            Description = "An API key, issued to its own user signed in (POST /me/keys) or by the local operator (commsledger users key issue).",
        });
        yield return (BasicAuthentication.Name, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "basic",
            Description = "A user's name and password (12+ characters); use TLS.",
        });
        if (jwt.IsConfigured)
        {
            yield return (Bearer, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token of the ministry's identity provider (Authentication:Jwt).",
            });
        }
    }
}
