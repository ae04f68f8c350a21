using System.ComponentModel;
using CommsLedger.Cli.Rendering;
using CommsLedger.Integrity.Checkpoints;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Integrity;

/// <summary>For commands that print one result rather than rows: a sentence for people or JSON for scripts.</summary>
public class ResultSettings : CommandSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("table (default) or json.")]
    [DefaultValue(OutputFormat.Table)]
    public OutputFormat Format { get; init; } = OutputFormat.Table;

    public override ValidationResult Validate() =>
        Format == OutputFormat.Csv
            ? ValidationResult.Error("--format csv is not offered here: this command prints one result, not rows; use --format json")
            : ValidationResult.Success();
}

/// <summary>A signed checkpoint as JSON shows it: its fields, and the exact text a reviewer keeps.</summary>
public sealed record CheckpointView(long TreeSize, string RootHash, DateTimeOffset Time, string KeyId, string Text)
{
    public static CheckpointView? From(Checkpoint? checkpoint) =>
        checkpoint is null ? null : new(checkpoint.TreeSize, checkpoint.RootHash.ToString(), checkpoint.Time, checkpoint.KeyId, checkpoint.ToText());

    public static string Describe(Checkpoint checkpoint) =>
        $"tree size {checkpoint.TreeSize}, root {checkpoint.RootHash}, signed {checkpoint.Time:yyyy-MM-dd HH:mm:ss}Z by key {checkpoint.KeyId}";
}
