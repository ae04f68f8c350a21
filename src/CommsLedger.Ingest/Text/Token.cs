namespace CommsLedger.Ingest.Text;

internal enum TokenKind
{
    Word,
    Number,
    Punct,
}

/// <summary>A token of a sentence; offsets are relative to the sentence text. Curly apostrophes are folded to ASCII in <see cref="Value"/>.</summary>
internal readonly record struct Token(string Value, int Start, int End, TokenKind Kind)
{
    public bool IsWord => Kind == TokenKind.Word;

    public bool IsCapitalized => Kind == TokenKind.Word && char.IsUpper(Value[0]);

    public bool IsLower => Kind == TokenKind.Word && char.IsLower(Value[0]);

    public bool IsAllCaps => Kind == TokenKind.Word && Value.Length > 1 && Value.All(c => !char.IsLetter(c) || char.IsUpper(c));

    public bool Is(string value) => string.Equals(Value, value, StringComparison.OrdinalIgnoreCase);

    public bool IsPossessive => Value is "'s" or "'S" or "'";
}
