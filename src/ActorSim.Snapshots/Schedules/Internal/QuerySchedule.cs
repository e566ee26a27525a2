using ActorSim.Blueprints;
using ActorSim.Snapshots.Database;
using Npgsql;

namespace ActorSim.Snapshots.Schedules.Internal;

/// <summary>
/// Runs a schedule's query on PostgreSQL in a read-only transaction and takes its rows in the query's order, typed as
/// the server gives them (timestamptz as UTC, timestamp without a zone as it is, interval as a span). Messages name
/// the database without its password.
/// </summary>
internal static class QuerySchedule
{
    public static ScheduleTable Read(ScheduleSource source)
    {
        DatabaseLocation database;
        try
        {
            database = DatabaseLocation.Parse(source.Connection ?? string.Empty);
        }
        catch (ArgumentException e)
        {
            throw new ScheduleSourceException($"the connection is not a PostgreSQL URI or key=value string: {e.Message}", e);
        }

        using var connection = new NpgsqlConnection(database.ConnectionString);
        try
        {
            connection.Open();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new ScheduleSourceException($"cannot connect to {database.Display}: {database.Scrub(e.Message)}", e);
        }

        try
        {
            using var transaction = connection.BeginTransaction();
            using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
            {
                readOnly.ExecuteNonQuery();
            }

            using var command = new NpgsqlCommand(source.Location, connection, transaction);
            using var reader = command.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var rows = new List<ScheduleRow>();
            while (reader.Read())
            {
                var values = new object?[columns.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(new ScheduleRow($"query row {rows.Count + 1}", values));
            }

            return new ScheduleTable(columns, rows);
        }
        catch (PostgresException e)
        {
            throw new ScheduleSourceException($"{database.Display} refused the query: {database.Scrub(e.MessageText)} (SQLSTATE {e.SqlState}).", e);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidCastException)
        {
            throw new ScheduleSourceException($"reading the query from {database.Display} failed: {database.Scrub(e.Message)}", e);
        }
    }
}
