using System.Linq.Expressions;
using System.Reflection;
using Marten;

namespace CommsLedger.Projections.Relationships;

/// <summary>How the relationship documents are stored: the columns their queries filter and sort on, copied out of
/// the JSON, and one index per way a page is read (relationship key, then the order of the page, then the entry id
/// that makes the order total, so a keyset cursor resumes exactly where a page ended).</summary>
public static class RelationshipStorage
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<RelationshipLedger>().Duplicate(l => l.Lowest!, pgType: "varchar");
        Rows<ContactRow>(options, ("occurred_on", "date", c => c.OccurredOn));
        Rows<PledgeRow>(options, ("made_on", "date", p => p.MadeOn), ("by_party", "varchar", p => p.By));
        Rows<FollowUpRow>(options, ("due", "date", f => f.Due));
    }

    public static void Delete(IDocumentOperations operations, Type rowType, string id)
    {
        switch (rowType.Name)
        {
            case nameof(ContactRow): operations.Delete<ContactRow>(id); break;
            case nameof(PledgeRow): operations.Delete<PledgeRow>(id); break;
            case nameof(FollowUpRow): operations.Delete<FollowUpRow>(id); break;
            default: throw new ArgumentOutOfRangeException(nameof(rowType), rowType.Name, "not a relationship row");
        }
    }

    private static void Rows<T>(StoreOptions options, params (string Column, string Type, Expression<Func<T, object>> Member)[] order)
        where T : RelationshipRow
    {
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType == typeof(T))
            {
                Columns(mapping, order);
            }
        });
    }

    private static void Columns<T>(Marten.Schema.DocumentMapping mapping, (string Column, string Type, Expression<Func<T, object>> Member)[] order)
        where T : RelationshipRow
    {
        Duplicate(mapping, typeof(T), nameof(RelationshipRow.Key), "key", "varchar");
        Duplicate(mapping, typeof(T), nameof(RelationshipRow.EntryId), "entry_id", "uuid");
        Duplicate(mapping, typeof(T), nameof(RelationshipRow.Classification), "classification", "varchar");
        Duplicate(mapping, typeof(T), nameof(RelationshipRow.FromPosition), "from_position", "bigint");
        Duplicate(mapping, typeof(T), nameof(RelationshipRow.UntilPosition), "until_position", "bigint");
        foreach (var (column, type, member) in order)
        {
            Duplicate(mapping, typeof(T), MemberName(member), column, type);
        }

        mapping.AddIndex(["key", order[0].Column, "entry_id"]);
        mapping.AddIndex("key", "entry_id");
        if (typeof(T) == typeof(FollowUpRow))
        {
            OverdueIndex(mapping);
        }
    }

    /// <summary>"Overdue on a day" counts the current follow-ups of a relationship due before it, by marking: this index
    /// holds exactly those columns of exactly the current rows, so the count is an index-only range scan that reads no
    /// document (a busy relationship's thousands of open follow-ups are a few index pages, not thousands of heap rows).</summary>
    private static void OverdueIndex(Marten.Schema.DocumentMapping mapping)
    {
        var index = mapping.AddIndex("key", "due");
        index.Name = $"{mapping.TableName.Name}_open_by_due";
        index.IncludeColumns = ["classification"];
        index.Predicate = "until_position is null";
    }

    private static void Duplicate(Marten.Schema.DocumentMapping mapping, Type type, string member, string column, string pgType) =>
        mapping.DuplicateField([type.GetProperty(member)!], pgType, column);

    private static string MemberName<T>(Expression<Func<T, object>> member) =>
        ((member.Body as UnaryExpression)?.Operand as MemberExpression ?? (MemberExpression)member.Body).Member.Name;
}
