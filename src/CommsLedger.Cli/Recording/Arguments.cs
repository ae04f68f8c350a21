using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Cli.Hosting;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Cli.Recording;

/// <summary>Reads ids and dates given on the command line; a bad one is a validation error naming its flag.</summary>
internal static class Arguments
{
    public static Guid Id(string text, string field) =>
        Guid.TryParse(text, out var id)
            ? id
            : throw new CommandRejected([new FieldError(field, $"'{text}' is not an id (a UUID such as 0b6f4c8e-59a4-5c4d-9a7e-1f2a3b4c5d6e)")]);

    public static DateOnly Date(string text, string field)
    {
        var errors = new FieldErrors();
        var date = FileNames.Date(text, field, errors);
        errors.ThrowIfAny();
        return date!.Value;
    }

    public static DateOnly DateOrToday(string? text, string field) => text is null ? Ledger.Today : Date(text, field);
}
