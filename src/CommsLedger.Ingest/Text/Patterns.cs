namespace CommsLedger.Ingest.Text;

/// <summary>Settings shared by every regex of the drafter.</summary>
internal static class Patterns
{
    /// <summary>
    /// The per-match timeout. No pattern sees more than a sentence (≤ 1,500 characters), so a match takes microseconds; the
    /// clock also runs while the first call JIT-compiles a large source-generated matcher, which on a loaded machine can take
    /// over a second. Five seconds still turns a pathological input into <see cref="ReadoutRejectedException"/> quickly.
    /// </summary>
    public const int TimeoutMilliseconds = 5000;
}
