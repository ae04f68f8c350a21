using CommsLedger.Application.Access.Users;
using CommsLedger.Web.Access;
using Mediator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CommsLedger.Web.Hosting;

/// <summary>What the person at the machine is told once the app listens: where it is, and how to sign in the
/// first time. With no user yet, a one-time set-up link creates the first administrator in the browser.</summary>
public static class Announcement
{
    public static async Task AnnounceAsync(this WebApplication app, TextWriter console, CancellationToken cancellationToken)
    {
        var address = ListeningAt(app);
        await console.WriteLineAsync($"CommsLedger is running at {address}/ (the HTTP API at the same address; stop with Ctrl+C)");
        await using var scope = app.Services.CreateAsyncScope();
        var users = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListUsers(), cancellationToken);
        if (users.Count == 0)
        {
            var code = app.Services.GetRequiredService<FirstRunSetup>().Open();
            await console.WriteLineAsync("The ledger has no users yet. Create the first administrator in your browser with this one-time link:");
            await console.WriteLineAsync($"  {address}{FirstRunSetup.Path}/{code}");
            await console.WriteLineAsync("The link works once, and only until the first user exists.");
        }
        else
        {
            await console.WriteLineAsync($"Sign in at {address}/sign-in with your ledger user name and password.");
        }
    }

    public static string ListeningAt(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault() ?? "http://localhost:5000";
        return address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
