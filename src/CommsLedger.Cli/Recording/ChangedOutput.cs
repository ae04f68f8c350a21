using CommsLedger.Application.Storage;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using Spectre.Console;

namespace CommsLedger.Cli.Recording;

/// <summary>What every change prints: the stream, its new version (to pass as --expected-version next time), the id
/// the change created, if any, and (JSON) the ledger position after the write, to read it back on any node.</summary>
internal static class ChangedOutput
{
    public static async Task WriteAsync(IAnsiConsole console, Ledger ledger, OutputFormat format, string what, Changed changed, string? created = null)
    {
        var position = format == OutputFormat.Json ? await ledger.PositionAsync(CancellationToken.None) : null;
        Output.Write(console, format, new ChangedAt(changed.StreamId, changed.Version, changed.CreatedId, position), (c, value) =>
        {
            c.MarkupLineInterpolated($"Recorded. {what} {value.StreamId} is now at version [bold]{value.Version}[/].");
            if (value.CreatedId is { } id)
            {
                c.MarkupLineInterpolated($"New {created ?? "entry"}: {id}");
            }
        }, value => new[] { new Changed(value.StreamId, value.Version, value.CreatedId) });
    }

    /// <summary>A change as printed; <paramref name="Position"/> only in JSON.</summary>
    public sealed record ChangedAt(Guid StreamId, long Version, Guid? CreatedId, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Position);
}
