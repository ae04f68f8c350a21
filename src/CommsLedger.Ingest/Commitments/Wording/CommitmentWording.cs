using System.Text.RegularExpressions;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Commitments.Wording;

/// <summary>
/// One language's patterns for commitments. <see cref="Boundary"/> cuts reported content into clauses (a group named
/// <c>coord</c> marks a second predicate sharing the subject before it); <see cref="Predicate"/> finds where a predicate
/// starts; <see cref="Trigger"/>, anchored there, names the undertaking with groups intent / request / agreement / offer
/// (else pledge), obj and support / sobj. <see cref="PluralVerb"/> is set where a clause may omit its subject
/// ("También destacaron su compromiso …"): it says whether the verb is plural, so the subject is the participants together.
/// </summary>
internal sealed record CommitmentWording(Regex Boundary, Regex Predicate, Regex Trigger, Func<string, bool>? PluralVerb)
{
    public static CommitmentWording For(string language) => language switch
    {
        LanguageDetector.Spanish => SpanishWording.Wording,
        LanguageDetector.French => FrenchWording.Wording,
        _ => EnglishWording.Wording,
    };
}
