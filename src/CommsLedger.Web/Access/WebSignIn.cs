using CommsLedger.Api.Auth;
using CommsLedger.Application.Access.Viewing;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CommsLedger.Web.Access;

/// <summary>Pages sign in with a cookie holding the same claims as every other way in (LedgerClaims). The session
/// ends after <c>Web:SessionMinutes</c> (default 30) without a request, and with the browser. Every request checks the
/// user as they stand now: a disabled or removed user is signed out, changed roles or clearance apply at once.</summary>
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
            options.Events.OnValidatePrincipal = Revalidate;
        });
        return services;
    }

    private static async Task Revalidate(CookieValidatePrincipalContext context)
    {
        var signedIn = context.Principal!;
        var mediator = context.HttpContext.RequestServices.GetRequiredService<IMediator>();
        var user = await mediator.Send(new GetUser(LedgerClaims.NameOf(signedIn)), context.HttpContext.RequestAborted);
        if (user is not { DisabledAt: null })
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        if (LedgerClaims.ClearanceOf(signedIn) != user.Clearance || !LedgerClaims.Roles(signedIn).SetEquals(user.Roles))
        {
            context.ReplacePrincipal(LedgerClaims.Principal(user, Scheme));
            context.ShouldRenew = true;
        }
    }
}
