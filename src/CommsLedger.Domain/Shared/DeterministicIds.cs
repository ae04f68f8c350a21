using System.Security.Cryptography;
using System.Text;

namespace CommsLedger.Domain.Shared;

/// <summary>Name-based UUIDs (RFC 9562 version 5): the same source always gets the same ids, which is
/// what makes re-recording a source idempotent.</summary>
public static class DeterministicIds
{
    private static readonly Guid LedgerNamespace = new("6f1c3a52-2d0e-4f55-9c39-6a1d1b7a4e21");

    /// <summary>The id of a source recorded at a marking. A marking above UNCLASSIFIED is part of the name, so that
    /// recording a source never collides with a record of it above the recorder's clearance, which they must not
    /// learn of; an UNCLASSIFIED record keeps the plain "source:" name (the ids the ledger has always given).</summary>
    public static Guid ForSource(string sourceId, Classification marking) => marking == Classification.Unclassified
        ? Create(LedgerNamespace, "source:" + sourceId)
        : Create(LedgerNamespace, $"source:{marking.Display()}:{sourceId}");

    /// <summary>An endless sequence of ids derived from a parent id: child 1, child 2, …</summary>
    public static Func<Guid> Sequence(Guid parent)
    {
        var counter = 0;
        return () => Create(parent, "child:" + Interlocked.Increment(ref counter).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>One <see cref="Sequence"/> per marking: UNCLASSIFIED portions number from the parent itself (the ids
    /// they always had), each higher marking from a name of its own. Numbers then never skip for a reader on account
    /// of portions above their clearance.</summary>
    public static Func<Classification, Guid> SequencesByMarking(Guid parent)
    {
        var sequences = Enum.GetValues<Classification>().ToDictionary(
            marking => marking,
            marking => Sequence(marking == Classification.Unclassified ? parent : Create(parent, "marking:" + marking.Display())));
        return marking => sequences[marking]();
    }

    public static Guid Create(Guid namespaceId, string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        namespaceId.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // RFC 9562 v5 is defined on SHA-1; used for identity, not security
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
