using CommsLedger.Web.Access;
using CommsLedger.Web.Forms;
using CommsLedger.Web.Integrity;
using CommsLedger.Web.Marking;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

using SignInThrottle = CommsLedger.Web.Access.SignInThrottle;

namespace CommsLedger.Web.Hosting;

/// <summary>The web application's services and pipeline, added to the API's host (see Program.cs): the pages share
/// the API's mediator, users, roles and clearance rules, and sign in with a cookie instead of a key.</summary>
public static class WebComposition
{
    public static WebApplicationBuilder AddLedgerWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/", WebPolicies.SignedIn);
            options.Conventions.AllowAnonymousToFolder("/Account");
        }).AddApplicationPart(typeof(WebComposition).Assembly)
            .AddMvcOptions(options => options.Filters.Add<LedgerRefusals>());
        services.AddWebSignIn(builder.Configuration);
        services.AddWebAuthorization();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "commsledger.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__RequestVerificationToken";
        });
        services.AddSingleton<FirstRunSetup>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PageMarkings>();
        services.AddSingleton<IntegrityRuns>();
        // Registered after the API's: pages are sent to the sign-in page, the API keeps its ProblemDetails.
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, WebDenials>();
        return builder;
    }

    /// <summary>Call before UseLedgerApi: the cookie user must be known before the API's actor middleware runs.</summary>
    public static WebApplication UseLedgerWeb(this WebApplication app)
    {
        app.Use(CookieUser);
        app.Use(PositionAfterPost.Pass);
        app.MapGet("/assets/{name}", Assets.Serve).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages().WithMetadata(new WebPage());
        return app;
    }

    /// <summary>On pages only, the signed-in user comes from the cookie (the API never reads it, so a cookie cannot
    /// be used to call the API across sites without the pages' anti-forgery token).</summary>
    private static async Task CookieUser(HttpContext http, Func<Task> next)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<WebPage>() is not null)
        {
            var result = await http.AuthenticateAsync(WebSignIn.Scheme);
            if (result.Succeeded)
            {
                http.User = result.Principal;
            }
        }

        await next();
    }
}

/// <summary>Marks the endpoints that are pages.</summary>
public sealed class WebPage;
