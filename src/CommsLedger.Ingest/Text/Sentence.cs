namespace CommsLedger.Ingest.Text;

/// <summary>
/// One sentence of the readout, kept as the exact source substring starting at <see cref="Offset"/>.
/// Headlines are title or header lines without closing punctuation: they name people and channels but say nothing.
/// </summary>
internal sealed class Sentence(int index, int offset, string text, bool isHeadline)
{
    private IReadOnlyList<Token>? _tokens;

    public int Index { get; } = index;

    public int Offset { get; } = offset;

    public string Text { get; } = text;

    public bool IsHeadline { get; } = isHeadline;

    public IReadOnlyList<Token> Tokens => _tokens ??= Tokenizer.Tokenize(Text);

    public Sentence WithoutPrefix(int length) =>
        new(Index, Offset + length, Text[length..], IsHeadline);

    public override string ToString() => Text;
}
