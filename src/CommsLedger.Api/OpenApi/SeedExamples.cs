using System.Text.Json.Nodes;
using CommsLedger.Api.Interactions;
using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.InteractionFiles;
using Microsoft.OpenApi;

namespace CommsLedger.Api.OpenApi;

/// <summary>The request shapes' examples, taken from the seed call (China–Peru, 5 November 2020) as the interaction
/// file format writes it, so they are real, valid and the same as the CLI's example file.</summary>
public static class SeedExamples
{
    private static readonly JsonObject Call = JsonNode.Parse(InteractionJson.Write(SeedCall.Draft()))!.AsObject();

    private static readonly Dictionary<Type, Func<JsonObject, JsonNode?>> Examples = new()
    {
        [typeof(InteractionFile)] = call => call,
        [typeof(ParticipantFile)] = call => call["participants"]?[0],
        [typeof(SourceFile)] = call => call["source"],
        [typeof(StatementFile)] = call => call["statements"]?[0],
        [typeof(StatementBody)] = call => call["statements"]?[0],
        [typeof(CommitmentFile)] = call => call["commitments"]?[0],
        [typeof(CommitmentBody)] = call => call["commitments"]?[0],
        [typeof(FollowUpFile)] = call => call["followUps"]?[0],
    };

    public static void Apply(OpenApiSchema schema, Type type)
    {
        if (Examples.TryGetValue(type, out var example) && example(Call) is { } node)
        {
            schema.Examples = [node.DeepClone()];
        }
    }
}
