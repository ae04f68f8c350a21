using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Demo;

/// <summary>
/// The canonical sample (shared/samples/china-peru-call-2020-11-05.txt), structured by hand: the phone call
/// between Wang Yi and Mario Lopez on Thursday 5 November 2020, reported on 6 November. Commitment texts are
/// the exact clauses of the readout.
/// </summary>
public static class SeedCall
{
    public const string SourceId = "readout:china-peru-call-2020-11-05";
    public const string TextSha256 = "7ad6deb8ccbdcf7717f852970f20864a91861e81d86a283b3329fc367e41c577";

    private static readonly Participant Wang = new("Wang Yi", "State Councilor and Foreign Minister", "CN");
    private static readonly Participant Lopez = new("Mario Lopez", "Foreign Minister", "PE");

    public static InteractionDraft Draft() => new(
        InteractionKind.PhoneCall,
        new OccurredAt(new DateOnly(2020, 11, 5)),
        [Wang, Lopez],
        "Phone call between Chinese State Councilor and Foreign Minister Wang Yi and Peruvian Foreign Minister Mario Lopez: "
            + "COVID-19 cooperation and Sinopharm vaccine trials, the 50th anniversary of diplomatic ties in 2021, "
            + "the Belt and Road Initiative, trade and investment.",
        new SourceReference(SourceId, "china-peru-call-2020-11-05.txt", TextSha256),
        Classification.Unclassified,
        ["041"],
        Statements(),
        Commitments(),
        [new FollowUpDraft("Prepare proposals to mark the 50th anniversary of China-Peru diplomatic relations (2 November 2021)", "Americas desk", new DateOnly(2021, 6, 30))]);

    private static IReadOnlyList<StatementDraft> Statements() =>
    [
        new(Wang.Name, "CN", "China is ready to work with Peru to safeguard multilateralism, maintain communication and coordination on global issues and make joint efforts in building a community with a shared future for mankind.", ["multilateralism"]),
        new(Wang.Name, "CN", "Since the outbreak of the COVID-19 pandemic, China and Peru have been supporting each other and making joint efforts to overcome difficulties, demonstrating the sincere friendship between the two peoples in sharing adversity, and setting an example of international cooperation in fighting against the virus.", ["COVID-19"]),
        new(Wang.Name, "CN", "As an embodiment of deep mutual trust between the two sides, China supports Peru in arranging China National Pharmaceutical Group Corporation (Sinopharm) to carry out phase-3 clinical trials of the COVID-19 vaccine in the country and fully understands Peru's needs for vaccine procurement.", ["COVID-19 vaccine"]),
        new(Wang.Name, "CN", "China's vaccine will be supplied to developing countries in priority as a public good after the research and development is complete and the vaccine is available.", ["COVID-19 vaccine"]),
        new(Wang.Name, "CN", "Next year marks the 50th anniversary of the China-Peru diplomatic relations, and has profound meaning in connecting the past and future between the two sides.", ["diplomatic anniversary"]),
        new(Wang.Name, "CN", "Both sides need to promote high-quality development of the co-construction of the Belt and Road Initiative (BRI), so as to set a new benchmark for cooperation between China and Latin America.", ["Belt and Road Initiative"]),
        new(Wang.Name, "CN", "China welcomes Peruvian enterprises to participate in the China International Import Expo, and encourages more Chinese enterprises to invest in Peru.", ["trade", "investment"]),
        new(Lopez.Name, "PE", "He appreciates China for its support and assistance in Peru's battle against the pandemic; his country supports Sinopharm's clinical trials of the COVID-19 vaccine in Peru, and is looking forward to purchasing vaccines from China.", ["COVID-19 vaccine"]),
        new(Lopez.Name, "PE", "The two sides should take the 50th anniversary of Peru-China diplomatic ties in the coming year as an opportunity to actively promote the joint construction of the BRI, and deepen cooperation in such fields as economy, trade, science and technology, and renewable energy.", ["Belt and Road Initiative", "diplomatic anniversary"]),
        new(Lopez.Name, "PE", "His country welcomes Chinese enterprises to invest in Peru, and will provide a fair and non-discriminatory environment.", ["investment"]),
        new(Lopez.Name, "PE", "The Peruvian side supports multilateralism and stands ready to strengthen communication and cooperation with China on international and regional issues.", ["multilateralism"]),
    ];

    private static IReadOnlyList<CommitmentDraft> Commitments() =>
    [
        Commitment("CN", "PE", CommitmentKind.Intent, "China is ready to work with Peru to safeguard multilateralism, maintain communication and coordination on global issues and make joint efforts in building a community with a shared future for mankind", "multilateralism", null, [], "036"),
        Commitment("CN", "PE", CommitmentKind.Pledge, "China supports Peru in arranging China National Pharmaceutical Group Corporation (Sinopharm) to carry out phase-3 clinical trials of the COVID-19 vaccine in the country", "COVID-19 vaccine", null,
            [new FollowUpDraft("Monitor progress of the Sinopharm phase-3 trials in Peru", "Health cooperation desk", new DateOnly(2021, 3, 31))], "033"),
        Commitment("CN", null, CommitmentKind.Pledge, "China's vaccine will be supplied to developing countries in priority as a public good after the research and development is complete and the vaccine is available", "COVID-19 vaccine", null, [], "033"),
        Commitment("CN", "PE", CommitmentKind.Offer, "China welcomes Peruvian enterprises to participate in the China International Import Expo, and encourages more Chinese enterprises to invest in Peru", "trade and investment", null,
            [new FollowUpDraft("Confirm which Peruvian firms take part in the China International Import Expo", "Trade section", new DateOnly(2020, 11, 10))], "030"),
        Commitment("PE", "CN", CommitmentKind.Intent, "his country supports Sinopharm's clinical trials of the COVID-19 vaccine in Peru, and is looking forward to purchasing vaccines from China", "COVID-19 vaccine", null,
            [new FollowUpDraft("Follow Peru's procurement of COVID-19 vaccines from China", "Americas desk", new DateOnly(2020, 12, 31))], "031"),
        Commitment("PE", "CN", CommitmentKind.Pledge, "his country welcomes Chinese enterprises to invest in Peru, and will provide a fair and non-discriminatory environment", "investment", null, [], "030"),
        Commitment("PE", "CN", CommitmentKind.Intent, "The Peruvian side supports multilateralism and stands ready to strengthen communication and cooperation with China on international and regional issues", "multilateralism", null, [], "036"),
    ];

    private static CommitmentDraft Commitment(string by, string? to, CommitmentKind kind, string text, string topic, DateOnly? due, IReadOnlyList<FollowUpDraft> followUps, string cameo) =>
        new(by, to, kind, text, topic, due, followUps, [cameo]);
}
