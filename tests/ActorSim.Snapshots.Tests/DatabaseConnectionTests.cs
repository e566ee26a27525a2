using System.Net;
using System.Net.Sockets;
using ActorSim.Model.Plants;
using ActorSim.Snapshots.Database;
using ActorSim.Snapshots.Tests.Support;

namespace ActorSim.Snapshots.Tests;

/// <summary>
/// A server that cannot be reached or refuses the login is a <see cref="DatabaseStateException"/> naming host and port;
/// no message, nor the location's display, ever carries the password.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseConnectionTests(PostgresServerFixture server)
{
    private static readonly PlantModel Plant = new PlantBuilder().AddLine(ActorSim.Model.Building.ReferenceModels.LineA()).Build();

    [Fact]
    public async Task An_unreachable_server_is_named_by_host_and_port_without_the_password()
    {
        var port = ClosedPort();
        var location = DatabaseLocation.Parse($"postgresql://actorsim:{Uri.EscapeDataString(PostgresServerFixture.Password)}@127.0.0.1:{port}/plant");

        var error = await Assert.ThrowsAsync<DatabaseStateException>(() => DatabaseSnapshots.ReadAsync(Plant, "Line_A", location));

        Assert.StartsWith($"cannot connect to the PostgreSQL server at 127.0.0.1:{port} (postgresql://actorsim@127.0.0.1:{port}/plant): ", error.Message, StringComparison.Ordinal);
        AssertNoPassword(error.Message);
    }

    [Theory]
    [InlineData("wrong-Pa55word", "postgres", "28P01")]
    [InlineData(PostgresServerFixture.Password, "no_such_database", "3D000")]
    public async Task A_refused_login_or_a_missing_database_is_told_without_the_password(string password, string database, string sqlState)
    {
        var location = DatabaseLocation.Parse($"Host=127.0.0.1;Port={server.Port};Database={database};Username={PostgresServerFixture.User};Password='{password}'");

        var error = await Assert.ThrowsAsync<DatabaseStateException>(() => DatabaseSnapshots.ReadAsync(Plant, "Line_A", location));

        Assert.Contains($"at 127.0.0.1:{server.Port} (postgresql://actorsim@127.0.0.1:{server.Port}/{database}): {sqlState}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(password, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgresql://actorsim:pw-Zq81%3Axv%407%2Ft@127.0.0.1:5433/plant?sslmode=disable&application_name=test", "postgresql://actorsim@127.0.0.1:5433/plant")]
    [InlineData("postgres://actorsim:pw-Zq81%3Axv%407%2Ft@[::1]/plant", "postgresql://actorsim@[::1]:5432/plant")]
    [InlineData("postgresql://actorsim:pw-Zq81%3Axv%407%2Ft@%2Ftmp%2Fpg:5433/plant", "postgresql://actorsim@/tmp/pg:5433/plant")]
    [InlineData("Host=db.local;Port=6543;Database=plant;Username=actorsim;Password='pw-Zq81:xv@7/t'", "postgresql://actorsim@db.local:6543/plant")]
    [InlineData("host=db.local port=6543 dbname=plant user=actorsim password='pw-Zq81:xv@7/t' sslmode=require", "postgresql://actorsim@db.local:6543/plant")]
    public void A_location_is_read_from_a_uri_or_key_value_settings_and_shown_without_the_password(string text, string display)
    {
        var location = DatabaseLocation.Parse(text);

        Assert.Equal(display, location.Display);
        Assert.Equal(display, location.ToString());
        Assert.Equal(PostgresServerFixture.Password, location.Password);
    }

    [Theory]
    [InlineData("postgresql://actorsim:pw-Zq81%3Axv%407%2Ft@host:99999/plant", "The database port '99999' is not a port number")]
    [InlineData("postgresql://actorsim:pw-Zq81%3Axv%407%2Ft@host/plant?colour=blue", "The database setting 'colour' is not accepted")]
    [InlineData("postgresql://actorsim:pw-Zq81%3Axv%407%2Ft@host/plant?sslmode=always", "sslmode 'always' is not one of")]
    [InlineData("plant database", "neither a postgresql:// URI nor key=value settings")]
    [InlineData("Host=h;Pasword=pw-Zq81:xv@7/t", "The database settings cannot be read")]
    public void A_malformed_location_is_refused_without_the_password(string text, string fragment)
    {
        var error = Assert.Throws<ArgumentException>(() => DatabaseLocation.Parse(text));

        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        AssertNoPassword(error.Message);
    }

    private static void AssertNoPassword(string message)
    {
        Assert.DoesNotContain(PostgresServerFixture.Password, message, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(PostgresServerFixture.Password), message, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
