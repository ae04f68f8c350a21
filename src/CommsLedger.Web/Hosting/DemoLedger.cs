using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using Mediator;

namespace CommsLedger.Web.Hosting;

/// <summary><c>--demo</c>: the seed China–Peru call of 5 November 2020 is recorded once (its source id makes a
/// second start a no-op), as the CLI's <c>demo</c> does.</summary>
public static class DemoLedger
{
    public const string Flag = "--demo";

    public static async Task SeedAsync(IServiceProvider services, TextWriter console, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<Actor>();
        actor.UserName = "demo";
        actor.Clearance = Classification.TopSecret;
        try
        {
            var record = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new LogInteraction(SeedCall.Draft()), cancellationToken);
            await console.WriteLineAsync($"Recorded the seed call of {record.Occurred.Date:yyyy-MM-dd} (CN-PE) as interaction {record.Id}.");
        }
        catch (AlreadyRecorded duplicate)
        {
            await console.WriteLineAsync($"The seed call is already in the ledger as interaction {duplicate.ExistingId}; nothing appended.");
        }
    }
}
