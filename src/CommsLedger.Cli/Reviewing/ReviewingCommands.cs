using Spectre.Console.Cli;

namespace CommsLedger.Cli.Reviewing;

/// <summary>The reviewers' commands: relationships, pledges, followups, interaction, history, replay.</summary>
public static class ReviewingCommands
{
    public static IConfigurator AddReviewingCommands(this IConfigurator config) => config;
}
