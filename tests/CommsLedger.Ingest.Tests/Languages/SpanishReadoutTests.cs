namespace CommsLedger.Ingest.Tests.Languages;

/// <summary>A Spanish readout written for these tests (not from the development set), read with Spanish lexicons and patterns.</summary>
public sealed class SpanishReadoutTests
{
    private const string _readout =
        "source: https://www.gob.pe/rree/noticias/canciller-conversa-con-su-homologo-de-uruguay\ndate: 2024-08-22\n\n" +
        "El canciller del Perú, Javier Morales, sostuvo ayer una conversación telefónica con su homólogo de Uruguay, Andrés Pereira.\n\n" +
        "Ambos cancilleres coincidieron en la importancia de profundizar el comercio bilateral. " +
        "Morales señaló que el Perú apoyará la candidatura uruguaya al Consejo de Derechos Humanos. " +
        "Los dos ministros acordaron realizar la próxima reunión del mecanismo de consultas políticas el 10 de octubre de 2024 en Lima. " +
        "También se comprometieron a impulsar un acuerdo de cooperación aduanera. " +
        "Por su parte, Pereira expresó su apoyo a la presidencia peruana del foro APEC y afirmó que Uruguay está dispuesto a compartir su experiencia en energías renovables.";

    private static readonly ReadoutDraft _draft = ReadoutExtractor.Extract(_readout);

    [Fact]
    public void the_channel_date_language_and_participants_are_read_in_spanish()
    {
        Assert.Equal(("phone", new DateOnly(2024, 8, 21), "es"), (_draft.Channel, _draft.DateOfInteraction, _draft.Language));
        Assert.Equal([("Javier Morales", "PE"), ("Andrés Pereira", "UY")], _draft.Participants.Select(p => (p.Name, p.Country)));
    }

    [Fact]
    public void statements_are_attributed_to_their_speakers_and_kept_in_spanish()
    {
        Assert.Contains(_draft.Statements, s => s.Speaker == "Javier Morales" && s.Text.StartsWith("Morales señaló que", StringComparison.Ordinal));
        Assert.Contains(_draft.Statements, s => s.Speaker == "Andrés Pereira" && s.Text.StartsWith("Por su parte, Pereira", StringComparison.Ordinal));
    }

    [Fact]
    public void commitments_come_from_spanish_verbs_with_their_parties_kinds_and_dates()
    {
        Assert.Equal(
            [
                ("PE", "UY", "pledge", "el Perú apoyará la candidatura uruguaya al Consejo de Derechos Humanos", (DateOnly?)null),
                ("PE+UY", null, "agreement", "Los dos ministros acordaron realizar la próxima reunión del mecanismo de consultas políticas el 10 de octubre de 2024 en Lima", new DateOnly(2024, 10, 10)),
                ("PE+UY", null, "pledge", "También se comprometieron a impulsar un acuerdo de cooperación aduanera", null),
                ("UY", "PE", "intent", "Uruguay está dispuesto a compartir su experiencia en energías renovables", null),
            ],
            _draft.Commitments.Select(c => (c.By, c.To, c.Kind, c.Text, c.Due)));
    }

    [Theory]
    [InlineData("Ambos cancilleres coincidieron en la importancia de profundizar el comercio bilateral.")]
    [InlineData("Pereira expresó su apoyo a la presidencia peruana del foro APEC.")]
    [InlineData("Morales agradeció a Uruguay su respaldo y cree que Uruguay ganará la sede del foro.")]
    public void views_thanks_and_forecasts_are_not_commitments(string sentence) =>
        Assert.Empty(ReadoutExtractor.Extract(_readout[.._readout.IndexOf("\n\nAmbos", StringComparison.Ordinal)] + "\n\n" + sentence).Commitments);

    [Theory]
    [InlineData("Se acordó celebrar la comisión mixta en diciembre.", "PE+UY", "agreement")]
    [InlineData("Los cancilleres han acordado reforzar la cooperación consular.", "PE+UY", "agreement")]
    [InlineData("Morales reafirmó el compromiso del Perú con la integración regional.", "PE", "pledge")]
    [InlineData("Pereira manifestó la disposición de Uruguay a cooperar en seguridad.", "UY", "intent")]
    [InlineData("Morales ofreció becas para diplomáticos uruguayos.", "PE", "offer")]
    public void other_spanish_phrasings_are_undertakings(string sentence, string by, string kind)
    {
        var commitment = Assert.Single(ReadoutExtractor.Extract(_readout[.._readout.IndexOf("\n\nAmbos", StringComparison.Ordinal)] + "\n\n" + sentence).Commitments);
        Assert.Equal((by, kind), (commitment.By, commitment.Kind));
    }
}
