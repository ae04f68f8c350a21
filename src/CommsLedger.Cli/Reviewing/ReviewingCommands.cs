using Spectre.Console.Cli;

namespace CommsLedger.Cli.Reviewing;

/// <summary>The reviewers' commands: relationships, pledges, followups, interaction, history, replay.</summary>
public static class ReviewingCommands
{
    public static IConfigurator AddReviewingCommands(this IConfigurator config)
    {
        config.AddCommand<RelationshipsCommand>("relationships")
            .WithDescription("List every relationship with its counts.")
            .WithExample("relationships", "--format", "csv");
        config.AddCommand<RelationshipCommand>("relationship")
            .WithDescription("Print one bilateral relationship ledger, now or as of a moment.")
            .WithExample("relationship", "CN-PE")
            .WithExample("relationship", "CN-PE", "--as-known-at", "2020-12-31T00:00Z", "--format", "json");
        config.AddCommand<PledgesCommand>("pledges")
            .WithDescription("List pledges by relationship, party, status or overdue, now or as of a moment.")
            .WithExample("pledges", "--by", "CN", "--status", "open")
            .WithExample("pledges", "--relationship", "CN-PE", "--overdue", "--as-occurred-by", "2021-06-30");
        config.AddCommand<FollowUpsCommand>("followups")
            .WithDescription("List open follow-ups due soon or overdue.")
            .WithExample("followups", "--due", "14d")
            .WithExample("followups", "--overdue", "--format", "csv");
        config.AddCommand<InteractionCommand>("interaction")
            .WithDescription("Print one interaction with statements, commitments and corrections.")
            .WithExample("interaction", "d0194545-24cf-5816-97ef-51813235b66b");
        config.AddCommand<HistoryCommand>("history")
            .WithDescription("Every event that touched a relationship, in order, with who, when and what it replaced.")
            .WithExample("history", "CN-PE", "--as-known-at", "2021-01-01T00:00Z");
        config.AddCommand<ReplayCommand>("replay")
            .WithDescription("Rebuild every read model from event zero and report any difference from the live ones.")
            .WithExample("replay", "--check");
        return config;
    }
}
