using Spectre.Console.Cli;

namespace CommsLedger.Cli.Recording;

/// <summary>The recorders' commands: log, statement, commitment, followup, pledge, assess, correct, retract, import.</summary>
public static class RecordingCommands
{
    public static IConfigurator AddRecordingCommands(this IConfigurator config) => config;
}
