using ActorSim.Model.Building;
using YamlDotNet.RepresentationModel;

namespace ActorSim.Blueprints.Internal;

/// <summary>
/// Reads <c>schedules: {name: {csv: FILE} | {parquet: FILE} | {query: SQL, connection: URI}}</c>: each source is read
/// through <see cref="BlueprintOptions.Schedules"/>, its rows become releases (<see cref="ReleaseRows"/>) and the
/// schedule is added to the line. Relative file paths resolve against the blueprint's folder. Refusals land on the
/// schedule's entry and name the row (<c>today.csv:5</c>) and the column.
/// </summary>
internal static class ScheduleReader
{
    private static readonly string[] SourceKeys = ["csv", "parquet", "query", "connection"];

    public static void Read(Reader reader, YamlNode node, string path, LineBuilder builder, IReadOnlyCollection<string> tasks, DateTime? start)
    {
        var section = reader.AnyMap(node, path, "a mapping of schedule names to sources ({csv: FILE}, {parquet: FILE} or {query: SQL, connection: URI})");
        foreach (var (name, key, value) in section.Entries)
        {
            var here = section.PathOf(name);
            reader.EnsureName(key, here, name);
            var map = reader.Map(value, here, SourceKeys);
            var (source, sourceNode) = Source(reader, map);
            ScheduleTable table;
            try
            {
                table = reader.Options.Schedules.Read(source);
            }
            catch (ScheduleSourceException e)
            {
                throw reader.Error(sourceNode, map.PathOf(KeyOf(source.Kind)), e.Message, e);
            }

            var releases = reader.Guard(map.Node, here, () => ReleaseRows.Convert(table, source.Display, tasks, start));
            var schedule = reader.Guard(map.Node, here, () => new ReleaseSchedule(name, releases));
            reader.Guard(key, here, () => builder.AddSchedule(schedule));
        }
    }

    private static (ScheduleSource Source, YamlNode Node) Source(Reader reader, MapNode map)
    {
        var given = SourceKeys[..3].Where(k => map.Get(k) is not null).ToArray();
        if (given.Length != 1)
        {
            throw reader.Error(map.Node, map.Path,
                $"a schedule reads exactly one source: csv: FILE, parquet: FILE or query: SQL (with connection: URI); {(given.Length == 0 ? "none is given" : $"{string.Join(" and ", given)} are given")}.");
        }

        var kind = given[0] switch
        {
            "csv" => ScheduleSourceKind.Csv,
            "parquet" => ScheduleSourceKind.Parquet,
            _ => ScheduleSourceKind.Query,
        };
        var node = map.Require(given[0]);
        var text = map.RequireText(given[0]);
        var connection = map.Text("connection");
        if (kind == ScheduleSourceKind.Query)
        {
            if (connection is null)
            {
                throw reader.Error(map.Node, map.PathOf("connection"), "a query needs connection: the database (postgresql://user@host:port/db, or ${VAR} to keep the password out of the file).");
            }

            return (new ScheduleSource(kind, text, connection, "query"), node);
        }

        if (connection is not null)
        {
            throw reader.Error(map.Require("connection"), map.PathOf("connection"), $"connection applies only to a query; a {given[0]} file has none.");
        }

        var folder = Path.GetDirectoryName(reader.SourceName);
        var location = Path.IsPathRooted(text) || string.IsNullOrEmpty(folder) ? text : Path.Combine(folder, text);
        return (new ScheduleSource(kind, location, null, text), node);
    }

    private static string KeyOf(ScheduleSourceKind kind) => kind switch
    {
        ScheduleSourceKind.Csv => "csv",
        ScheduleSourceKind.Parquet => "parquet",
        _ => "query",
    };
}
