using System.Text.Json;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Tests;

/// <summary>Assertions on what a decision returned or threw.</summary>
internal static class Then
{
    /// <summary>Events compared by type and JSON, since the lists inside records compare by reference.</summary>
    public static void Emitted(object expected, object actual) => Assert.Equal(Describe(expected), Describe(actual));

    public static void Emitted(IEnumerable<object> expected, IEnumerable<object> actual) =>
        Assert.Equal(expected.Select(Describe), actual.Select(Describe));

    /// <summary>The decision appended exactly <paramref name="expected"/> to its own stream, and nothing elsewhere.</summary>
    public static void Emitted(object expected, Decision actual)
    {
        Emitted([expected], actual.Events);
        Assert.Empty(actual.Others);
    }

    /// <summary>The one event a decision appended to its own stream.</summary>
    public static object Single(Decision decision) => Assert.Single(decision.Events);

    public static IReadOnlyList<string> RejectedFields(Action when) =>
        Assert.Throws<CommandRejected>(when).Errors.Select(e => e.Field).ToArray();

    /// <summary>The fields a command's shape check names (as the pipeline runs it before any decision).</summary>
    public static IReadOnlyList<string> RejectedFields(IReadOnlyList<FieldError> problems) => problems.Select(e => e.Field).ToArray();

    public static string ViolatedRule(Action when) => Assert.Throws<LedgerRuleViolated>(when).Field;

    private static string Describe(object @event) => @event.GetType().Name + " " + JsonSerializer.Serialize(@event, @event.GetType());
}
