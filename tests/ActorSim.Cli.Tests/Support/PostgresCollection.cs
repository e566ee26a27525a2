using ActorSim.Snapshots.Tests.Support;

namespace ActorSim.Cli.Tests.Support;

/// <summary>The CLI tests that share one PostgreSQL server, each in a database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres";
}
