using System.Text.RegularExpressions;
using ActorSim.Model.Snapshots;

namespace ActorSim.Snapshots.Database.Internal;

/// <summary>
/// One relation to read: a relation name (<c>actorsim_wip</c>, <c>plant.wip_view</c>), read whole, or a query, run as
/// written (its ORDER BY kept). <see cref="Label"/> names it in messages.
/// </summary>
internal sealed partial record RelationSource
{
    private RelationSource(string role, string text, bool isQuery, bool mayBeAbsent)
    {
        Role = role;
        Text = text;
        IsQuery = isQuery;
        MayBeAbsent = mayBeAbsent;
    }

    /// <summary><c>wip</c>, <c>parameters</c> or <c>resources</c>: its key under the blueprint's <c>state_source</c>.</summary>
    public string Role { get; }

    /// <summary>The relation's name or the query's text.</summary>
    public string Text { get; }

    public bool IsQuery { get; }

    /// <summary>Only the default resource relation may be missing from the database.</summary>
    public bool MayBeAbsent { get; }

    /// <summary>The relation's name, or <c>the wip query (state_source.wip)</c>.</summary>
    public string Label => IsQuery ? $"the {Role} query (state_source.{Role})" : Text;

    /// <summary>The SQL that reads it.</summary>
    public string Sql => IsQuery ? Text : $"SELECT * FROM {Text}";

    /// <summary>A relation name or a query; anything else is refused naming the role.</summary>
    /// <exception cref="SnapshotException">The text is neither.</exception>
    public static RelationSource Of(string role, string? text, string defaultName)
    {
        var given = (text ?? defaultName).Trim().TrimEnd(';').TrimEnd();
        if (RelationName().IsMatch(given))
        {
            return new RelationSource(role, given, isQuery: false, mayBeAbsent: role == "resources" && given == defaultName);
        }

        if (QueryStart().IsMatch(given))
        {
            return new RelationSource(role, given, isQuery: true, mayBeAbsent: false);
        }

        throw new SnapshotException(
            $"state_source.{role}: '{given}' is neither a relation name (a table or view such as my_view or plant.wip_view) nor a query (SELECT … FROM …, WITH …).");
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$")]
    private static partial Regex RelationName();

    [GeneratedRegex(@"^(SELECT|WITH|VALUES|TABLE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QueryStart();
}
