namespace CommsLedger.Ingest.Tests.Languages;

/// <summary>A French readout written for these tests (not from the development set), read with French lexicons and patterns.</summary>
public sealed class FrenchReadoutTests
{
    private const string _lead =
        "source: https://www.diplomatie.gouv.fr/fr/entretien-du-ministre-avec-son-homologue-ghaneen\ndate: 2024-03-14\n\n" +
        "Le ministre de l'Europe et des Affaires étrangères, Julien Martin, s'est entretenu hier par téléphone avec son homologue ghanéen, Kwame Asante.\n\n";

    private const string _readout = _lead +
        "Les deux ministres ont salué la qualité de la relation bilatérale. " +
        "M. Martin a indiqué que la France soutiendra la candidature du Ghana à la présidence de la CEDEAO. " +
        "Les deux ministres ont convenu de tenir un dialogue stratégique à Accra en mai. " +
        "Ils se sont également engagés à renforcer la coopération en matière de sécurité maritime. " +
        "De son côté, M. Asante a exprimé son soutien à l'initiative française et a souligné que le Ghana est prêt à accueillir le prochain forum économique.";

    private static readonly ReadoutDraft _draft = ReadoutExtractor.Extract(_readout);

    [Fact]
    public void the_channel_date_language_and_participants_are_read_in_french()
    {
        Assert.Equal(("phone", new DateOnly(2024, 3, 13), "fr"), (_draft.Channel, _draft.DateOfInteraction, _draft.Language));
        Assert.Equal([("Julien Martin", "FR"), ("Kwame Asante", "GH")], _draft.Participants.Select(p => (p.Name, p.Country)));
    }

    [Fact]
    public void statements_are_attributed_to_their_speakers_and_kept_in_french()
    {
        Assert.Contains(_draft.Statements, s => s.Speaker == "Julien Martin" && s.Text.StartsWith("M. Martin a indiqué que", StringComparison.Ordinal));
        Assert.Contains(_draft.Statements, s => s.Speaker == "Kwame Asante" && s.Text.StartsWith("De son côté", StringComparison.Ordinal));
    }

    [Fact]
    public void commitments_come_from_french_verbs_with_their_parties_and_kinds()
    {
        Assert.Equal(
            [
                ("FR", "GH", "pledge", "la France soutiendra la candidature du Ghana à la présidence de la CEDEAO"),
                ("FR+GH", null, "agreement", "Les deux ministres ont convenu de tenir un dialogue stratégique à Accra en mai"),
                ("FR+GH", null, "pledge", "Ils se sont également engagés à renforcer la coopération en matière de sécurité maritime"),
                ("GH", "FR", "offer", "le Ghana est prêt à accueillir le prochain forum économique"),
            ],
            _draft.Commitments.Select(c => (c.By, c.To, c.Kind, c.Text)));
    }

    [Theory]
    [InlineData("Les deux ministres ont salué la qualité de la relation bilatérale.")]
    [InlineData("M. Asante a exprimé son soutien à l'initiative française.")]
    [InlineData("M. Martin espère que le Ghana remportera la médaille d'or.")]
    public void praise_support_and_hopes_are_not_commitments(string sentence) =>
        Assert.Empty(ReadoutExtractor.Extract(_lead + sentence).Commitments);

    [Theory]
    [InlineData("Il a été convenu de réunir la commission mixte en octobre.", "FR+GH", "agreement")]
    [InlineData("M. Martin a réaffirmé le soutien de la France à la transition énergétique du Ghana.", "FR", "pledge")]
    [InlineData("La France s'est engagée à financer un centre de formation à Kumasi.", "FR", "pledge")]
    [InlineData("Le Ghana est disposé à accueillir une mission économique française.", "GH", "intent")]
    [InlineData("Les deux ministres ont convenu également de simplifier la délivrance des visas.", "FR+GH", "agreement")]
    public void other_french_phrasings_are_undertakings(string sentence, string by, string kind)
    {
        var commitment = Assert.Single(ReadoutExtractor.Extract(_lead + sentence).Commitments);
        Assert.Equal((by, kind), (commitment.By, commitment.Kind));
    }
}
