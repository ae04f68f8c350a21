namespace CommsLedger.Ingest.Participants;

/// <summary>
/// A person named (or only titled: "the minister") in a sentence, at tokens [TokenStart, TokenEnd).
/// A counterpart ("his Peruvian counterpart Mario Lopez") takes the title of the other person in the sentence.
/// </summary>
internal sealed record PersonMention(
    int SentenceIndex,
    int TokenStart,
    int TokenEnd,
    string? Name,
    IReadOnlyList<string> NameKeys,
    string? Title,
    string? Country,
    bool IsCounterpart,
    char? Gender);
