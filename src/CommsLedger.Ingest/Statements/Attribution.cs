using CommsLedger.Ingest.Participants;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Statements;

/// <summary>
/// Who is speaking in a sentence and which part of it ([ContentStart, ContentEnd), sentence offsets) is what they said.
/// When <see cref="SpeakerIsSubject"/> the content starts with the speaker as its grammatical subject ("President Biden reaffirmed ...").
/// </summary>
internal sealed record Attribution(Sentence Sentence, IReadOnlyList<Person> Speakers, int ContentStart, int ContentEnd, bool SpeakerIsSubject)
{
    public bool IsJoint => Speakers.Count > 1;

    public string Content => Sentence.Text[ContentStart..ContentEnd];
}
