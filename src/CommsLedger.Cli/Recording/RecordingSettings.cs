using System.ComponentModel;
using CommsLedger.Cli.Rendering;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Recording;

/// <summary>Every change to an existing stream names the version the recorder read; a stale one is refused (exit 3).</summary>
public class ChangeSettings : OutputSettings
{
    [CommandOption("--expected-version <N>", isRequired: true)]
    [Description("The version of the interaction or pledge you read (printed by the command that last changed it).")]
    public long ExpectedVersion { get; init; }
}

/// <summary>Commands on one pledge: <c>pledge …</c> and <c>assess</c>.</summary>
public class PledgeSettings : ChangeSettings
{
    [CommandArgument(0, "<PLEDGE_ID>")]
    [Description("The pledge (printed by log or commitment add).")]
    public string PledgeId { get; init; } = "";
}
