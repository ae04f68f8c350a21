using System.Text.RegularExpressions;

namespace CommsLedger.Ingest;

/// <summary>
/// Drafts a ledger entry from the text of a published readout or wire report, with rules and shipped lexicons only
/// (no network, no model). Pure and deterministic: the same text gives the same draft.
/// </summary>
/// <remarks>
/// Input limits: more than 1 MiB (UTF-8) is rejected, as is text with NUL bytes or mostly control characters
/// (<see cref="ReadoutRejectedException"/>). Empty or blank input gives <see cref="ReadoutDraft.Empty"/> with a warning;
/// text with no readout in it gives a draft with empty lists and warnings. No pattern ever sees more than one sentence
/// of at most 1,500 characters, and every pattern has a timeout, so no input can hang the extractor.
/// </remarks>
public static class ReadoutExtractor
{
    /// <summary>The largest input accepted, in UTF-8 bytes.</summary>
    public const int MaxInputBytes = InputGuard.MaxBytes;

    /// <exception cref="ReadoutRejectedException">The text is binary or larger than <see cref="MaxInputBytes"/>.</exception>
    public static ReadoutDraft Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        InputGuard.CheckText(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadoutDraft.Empty("input: empty; nothing to draft");
        }

        try
        {
            return ReadoutPipeline.Run(text);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new ReadoutRejectedException("input: too irregular to read (a pattern timed out)", e);
        }
    }

    /// <summary>Extracts from raw file bytes: rejects oversized, binary or non-UTF-8 input before decoding it.</summary>
    /// <exception cref="ReadoutRejectedException">The bytes are binary, not UTF-8, or more than <see cref="MaxInputBytes"/>.</exception>
    public static ReadoutDraft ExtractUtf8(ReadOnlySpan<byte> bytes) => Extract(InputGuard.Decode(bytes));
}
