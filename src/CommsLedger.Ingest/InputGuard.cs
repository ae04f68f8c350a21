using System.Text;

namespace CommsLedger.Ingest;

/// <summary>Rejects what cannot be a readout before any pattern runs on it.</summary>
internal static class InputGuard
{
    /// <summary>1 MiB: a long readout is 20 KB; anything past this is not one, and the limit keeps extraction well under a second.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void CheckSize(long bytes)
    {
        if (bytes > MaxBytes)
        {
            throw new ReadoutRejectedException($"input: {bytes} bytes exceeds the 1 MiB limit");
        }
    }

    public static void CheckText(string text)
    {
        CheckSize(text.Length * 3L <= MaxBytes ? 0 : Encoding.UTF8.GetByteCount(text));
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ReadoutRejectedException("input: looks binary (NUL bytes)");
        }

        var control = 0;
        var replacement = 0;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
            else if (c == '\uFFFD')
            {
                replacement++;
            }
        }

        if (control > 8 && control * 100 > text.Length)
        {
            throw new ReadoutRejectedException($"input: looks binary ({control} control characters)");
        }

        if (replacement > 8 && replacement * 100 > text.Length)
        {
            throw new ReadoutRejectedException($"input: looks binary ({replacement} undecodable characters)");
        }
    }

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        CheckSize(bytes.Length);
        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw new ReadoutRejectedException("input: looks binary (NUL bytes)");
        }

        if (bytes.StartsWith("\xEF\xBB\xBF"u8))
        {
            bytes = bytes[3..];
        }

        try
        {
            return _strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ReadoutRejectedException($"input: not UTF-8 text (invalid byte at offset {e.Index})", e);
        }
    }
}
