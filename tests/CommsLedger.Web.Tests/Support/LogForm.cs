using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Domain.Interactions;
using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.Support;

/// <summary>A person filling in "Log an interaction", row by row, with JavaScript off: each "Add …" button asks the
/// server for one more row.</summary>
public static class LogForm
{
    public static ILocator Group(this IPage page, string legend) =>
        page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });

    /// <summary>Opens a "details" disclosure by its summary (a form folded away until wanted).</summary>
    public static async Task Disclose(this IPage page, string summary) =>
        await page.Locator("summary", new() { HasText = summary }).ClickAsync();

    public static async Task Click(this IPage page, string button) =>
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    /// <summary>Types <paramref name="draft"/> into the form (the source too, when it has one).</summary>
    public static async Task FillIn(this IPage page, InteractionDraft draft)
    {
        var file = InteractionFile.From(draft);
        var interaction = page.Group("The interaction");
        await interaction.GetByLabel("Kind").SelectOptionAsync(file.Kind!);
        await interaction.GetByLabel("Date it occurred").FillAsync(file.OccurredOn!);
        await interaction.GetByLabel("Summary").FillAsync(file.Summary!);
        await interaction.GetByLabel("Classification").SelectOptionAsync(file.Classification!);
        await interaction.GetByLabel("CAMEO codes (optional)").FillAsync(string.Join(", ", file.CameoCodes));
        for (var i = 0; i < file.Participants.Count; i++)
        {
            if (i >= 2)
            {
                await page.Click("Add a participant");
            }

            var row = page.Group($"Participant {i + 1}");
            await row.GetByLabel("Name").FillAsync(file.Participants[i].Name!);
            await row.GetByLabel("Title").FillAsync(file.Participants[i].Title ?? "");
            await row.GetByLabel("Party").FillAsync(file.Participants[i].Country!);
        }

        foreach (var (i, statement) in file.Statements.Index())
        {
            await page.Click("Add a statement");
            var row = page.Group($"Statement {i + 1}");
            await row.GetByLabel("Speaker").FillAsync(statement.Speaker!);
            await row.GetByLabel("Party").FillAsync(statement.Country!);
            await row.GetByLabel("What was said").FillAsync(statement.Text!);
            await row.GetByLabel("Topics (optional)").FillAsync(string.Join(", ", statement.Topics));
        }

        foreach (var (i, commitment) in file.Commitments.Index())
        {
            await page.Click("Add a commitment");
            var row = page.Group($"Commitment {i + 1}");
            await row.GetByLabel("By", new() { Exact = true }).FillAsync(commitment.By!);
            await row.GetByLabel("To (optional)").FillAsync(commitment.To ?? "");
            await row.GetByLabel("Kind").SelectOptionAsync(commitment.Kind!);
            await row.GetByLabel("The exact clause").FillAsync(commitment.Text!);
            await row.GetByLabel("Topic (optional)").FillAsync(commitment.Topic ?? "");
            await row.GetByLabel("CAMEO codes (optional)").FillAsync(string.Join(", ", commitment.CameoCodes));
            if (commitment.FollowUps.FirstOrDefault() is { } followUp)
            {
                var nested = row.GetByRole(AriaRole.Group, new() { Name = "Follow-up on this commitment (optional)" });
                await nested.GetByLabel("Action").FillAsync(followUp.Action!);
                await nested.GetByLabel("Owner").FillAsync(followUp.Owner!);
                await nested.GetByLabel("Due").FillAsync(followUp.Due!);
            }
        }

        foreach (var (i, followUp) in file.FollowUps.Index())
        {
            await page.Click("Add a follow-up");
            var row = page.Group($"Follow-up {i + 1}");
            await row.GetByLabel("Action").FillAsync(followUp.Action!);
            await row.GetByLabel("Owner").FillAsync(followUp.Owner!);
            await row.GetByLabel("Due").FillAsync(followUp.Due!);
        }
    }
}
