namespace CommsLedger.Integrity.Integrating;

/// <summary>The integrator found the stored log inconsistent with what it signed, and stopped rather than sign more.</summary>
public sealed class LogTamperedException(string message) : Exception(message);
