using System.Text;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Relationships.Paging;

/// <summary>One page of a list that can grow without bound: at most the limit asked for, in a fixed order, and the
/// cursor that resumes right after the last item (null on the last page). Keyset, not offset: reading page 200 costs
/// what reading page 1 does, and items recorded meanwhile neither repeat nor go missing.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>How much of a list to read and where to resume. A cursor is opaque to callers: the sort value and the id of
/// the last item read, base64url-encoded.</summary>
public sealed record PageRequest(int Limit = PageRequest.DefaultLimit, string? Cursor = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public void Check(FieldErrors errors)
    {
        errors.Require(Limit is >= 1 and <= MaxLimit, "limit", $"{Limit} is not a whole number from 1 to {MaxLimit}");
        errors.Require(Cursor is null || PageCursor.Read(Cursor) is not null, "cursor", $"'{Cursor}' is not a cursor this list gave");
    }

    /// <summary>The page from the items read: one more than the limit is asked for, so the last page knows it is last.</summary>
    public Page<T> Cut<T>(IReadOnlyList<T> readOneMore, Func<T, PageCursor> cursorOf) =>
        readOneMore.Count > Limit
            ? new Page<T>([.. readOneMore.Take(Limit)], cursorOf(readOneMore[Limit - 1]).ToString())
            : new Page<T>(readOneMore, null);

    public PageCursor? After => Cursor is null ? null : PageCursor.Read(Cursor);
}

/// <summary>The position after an item: its sort value (empty when the order is by id alone) and its id.</summary>
public sealed record PageCursor(string Value, string Id)
{
    private const char Separator = '\n';

    public override string ToString() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Value + Separator + Id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static PageCursor? Read(string text)
    {
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4)));
            var at = decoded.IndexOf(Separator, StringComparison.Ordinal);
            return at < 0 || at == decoded.Length - 1 ? null : new PageCursor(decoded[..at], decoded[(at + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
