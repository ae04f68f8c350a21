using System.Security.Cryptography;

namespace CommsLedger.Integrity.Merkle;

/// <summary>A SHA-256 digest with value equality and lowercase-hex text form.</summary>
public readonly struct Hash256 : IEquatable<Hash256>
{
    public const int Size = 32;

    private readonly byte[]? _bytes;

    private Hash256(byte[] bytes) => _bytes = bytes;

    public ReadOnlySpan<byte> Bytes => _bytes ?? throw new InvalidOperationException("Default Hash256 holds no digest.");

    public static Hash256 FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Size
            ? new Hash256(bytes.ToArray())
            : throw new ArgumentException($"A SHA-256 digest has {Size} bytes, got {bytes.Length}.", nameof(bytes));

    public static Hash256 FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != Size * 2)
        {
            throw new FormatException($"A SHA-256 digest is {Size * 2} hex characters, got {hex.Length}.");
        }

        return new Hash256(Convert.FromHexString(hex));
    }

    public static Hash256 Of(ReadOnlySpan<byte> data) => new(SHA256.HashData(data));

    public byte[] ToArray() => Bytes.ToArray();

    public bool Equals(Hash256 other) => Bytes.SequenceEqual(other.Bytes);

    public override bool Equals(object? obj) => obj is Hash256 other && Equals(other);

    public override int GetHashCode() => BitConverter.ToInt32(Bytes);

    public override string ToString() => _bytes is null ? "(none)" : Convert.ToHexStringLower(_bytes);

    public static bool operator ==(Hash256 left, Hash256 right) => left.Equals(right);

    public static bool operator !=(Hash256 left, Hash256 right) => !left.Equals(right);
}
