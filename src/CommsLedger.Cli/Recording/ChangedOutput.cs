using CommsLedger.Application.Storage;
using CommsLedger.Cli.Rendering;
using Spectre.Console;

namespace CommsLedger.Cli.Recording;

/// <summary>What every change prints: the stream, its new version (to pass as --expected-version next time)
/// and the id the change created, if any.</summary>
internal static class ChangedOutput
{
    public static void Write(IAnsiConsole console, OutputFormat format, string what, Changed changed, string? created = null) =>
        Output.Write(console, format, changed, (c, value) =>
        {
            c.MarkupLineInterpolated($"Recorded. {what} {value.StreamId} is now at version [bold]{value.Version}[/].");
            if (value.CreatedId is { } id)
            {
                c.MarkupLineInterpolated($"New {created ?? "entry"}: {id}");
            }
        }, value => new[] { value });
}
