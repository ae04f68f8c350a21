using System.Security.Claims;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace CommsLedger.Api.Auth;

/// <summary>
/// <c>Authentication:Jwt</c>: bearer tokens from a ministry's identity provider. Set <see cref="Authority"/> (the
/// OpenID Connect issuer; its signing keys are discovered) and <see cref="Audience"/>; say which claims carry the
/// user name, the roles and the clearance, and map the provider's role names onto the ledger's with
/// <see cref="RoleMap"/>. <see cref="Issuer"/> with <see cref="SigningKey"/> (base64, 32+ bytes, HS256) is for
/// development and tests without a provider.
/// </summary>
public sealed class JwtSettings
{
    public const string Section = "Authentication:Jwt";

    public string? Authority { get; set; }
    public string? Audience { get; set; }
    public string? Issuer { get; set; }
    public string? SigningKey { get; set; }
    public bool RequireHttpsMetadata { get; set; } = true;
    public string NameClaim { get; set; } = "preferred_username";
    public string RoleClaim { get; set; } = "roles";
    public string ClearanceClaim { get; set; } = "clearance";
    public Dictionary<string, string> RoleMap { get; set; } = [];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);

    public void Apply(JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = RequireHttpsMetadata;
        options.Authority = string.IsNullOrWhiteSpace(Authority) ? null : Authority;
        options.Audience = Audience;
        options.TokenValidationParameters.ValidateAudience = !string.IsNullOrWhiteSpace(Audience);
        options.TokenValidationParameters.NameClaimType = NameClaim;
        if (!string.IsNullOrWhiteSpace(SigningKey))
        {
            options.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(SigningKey));
            options.TokenValidationParameters.ValidIssuer = Issuer;
            options.TokenValidationParameters.ValidateIssuer = !string.IsNullOrWhiteSpace(Issuer);
        }

        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (ToLedger(context.Principal!) is { } principal)
                {
                    context.Principal = principal;
                }
                else
                {
                    context.Fail($"the token names no user: it has neither a '{NameClaim}' nor a 'sub' claim");
                }

                return Task.CompletedTask;
            },
        };
    }

    /// <summary>The provider's claims as the ledger's: unknown role names are ignored, a missing clearance is UNCLASSIFIED.
    /// A token that names no user is refused (null): every event and audit line must say who acted.</summary>
    public ClaimsPrincipal? ToLedger(ClaimsPrincipal token)
    {
        var name = token.FindFirst(NameClaim)?.Value ?? token.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var roles = token.FindAll(RoleClaim)
            .SelectMany(c => c.Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => RoleMap.FirstOrDefault(m => string.Equals(m.Key, v, StringComparison.OrdinalIgnoreCase)).Value ?? v)
            .Where(EnumText.IsName<LedgerRole>)
            .Select(v => Enum.Parse<LedgerRole>(v, ignoreCase: true));
        var clearance = ClassificationNames.TryParse(token.FindFirst(ClearanceClaim)?.Value?.Replace('-', ' '), out var c) ? c : Classification.Unclassified;
        return LedgerClaims.Principal(name, roles, clearance, JwtBearerDefaults.AuthenticationScheme);
    }
}
