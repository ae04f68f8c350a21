using System.Globalization;
using CommsLedger.Api.Problems;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Api.Concurrency;

/// <summary>
/// The stream version a write expects, from <c>If-Match: "7"</c> — the ETag the caller read. Required on every write
/// to an existing stream (428 without it); a stale one fails as 409 with nothing appended.
/// </summary>
public readonly record struct IfMatch(long Version)
{
    public const string Header = "If-Match";

    public static ValueTask<IfMatch?> BindAsync(HttpContext http)
    {
        var values = http.Request.Headers.IfMatch;
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values.ToString()))
        {
            throw new RequestRefused(StatusCodes.Status428PreconditionRequired, "If-Match is required",
                "send the ETag you read (GET the entry) as If-Match, so a change made since is not overwritten", Header);
        }

        var text = values.ToString().Trim();
        if (text.Length > 2 && text[0] == '"' && text[^1] == '"'
            && long.TryParse(text.AsSpan(1, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return ValueTask.FromResult<IfMatch?>(new IfMatch(version));
        }

        throw new CommandRejected([new FieldError(Header, $"'{text}' is not an ETag of this API: send exactly the ETag you read, e.g. \"7\"")]);
    }
}

public static class ETags
{
    public static string Of(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";
}
