using Microsoft.AspNetCore.Authentication.Cookies;

namespace CommsLedger.Web.Access;

/// <summary>Pages sign in with a cookie holding the same claims as every other way in (LedgerClaims). The session
/// ends after <c>Web:SessionMinutes</c> (default 30) without a request, and with the browser.</summary>
public static class WebSignIn
{
    public const string Scheme = "LedgerWeb";

    public static IServiceCollection AddWebSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var minutes = configuration.GetValue("Web:SessionMinutes", 30);
        services.AddAuthentication().AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "commsledger.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(minutes);
            options.SlidingExpiration = true;
            options.LoginPath = "/sign-in";
            options.LogoutPath = "/sign-out";
            options.AccessDeniedPath = "/not-allowed";
            options.ReturnUrlParameter = "returnUrl";
        });
        return services;
    }
}
