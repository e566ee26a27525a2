using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ActorSim.Snapshots.Tests.Support;

/// <summary>
/// A real PostgreSQL server for the tests of one collection: <c>initdb</c> into a fresh temporary folder, started by
/// <c>pg_ctl</c> on 127.0.0.1 and a free port (its socket in that folder), with a user that logs in by password; stopped
/// and deleted on dispose, whatever the tests did. As root, which initdb refuses, the server runs as <c>nobody</c>
/// (through <c>runuser</c>, else <c>setpriv</c>), owning the folder. The binaries come from PATH, else from
/// <c>/usr/lib/postgresql/*/bin</c> and the other usual places; when none is found or the server does not start, every
/// test of the collection fails saying why (never skips).
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    /// <summary>The user the tests log in as (a superuser).</summary>
    public const string User = "actorsim";

    /// <summary>Its password: distinctive, so that a test can tell it never appears in any output.</summary>
    public const string Password = "pw-Zq81:xv@7/t";

    private const string Unprivileged = "nobody";

    private string? _bin;
    private bool _started;

    /// <summary>The temporary folder holding the cluster, its socket and its log.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "actorsim-pg-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    private string Data => Path.Combine(Folder, "data");

    private string Log => Path.Combine(Folder, "server.log");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>The URI of <paramref name="database"/>, with the password (percent-encoded).</summary>
    public string Uri(string database) => $"postgresql://{User}:{System.Uri.EscapeDataString(Password)}@127.0.0.1:{Port}/{database}";

    /// <summary>Npgsql's connection string for <paramref name="database"/>.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Database = database, Username = User, Password = Password, Pooling = false }.ConnectionString;

    public async Task InitializeAsync()
    {
        try
        {
            _bin = FindBinaries() ?? throw new InvalidOperationException(
                "PostgreSQL's initdb and pg_ctl were found neither on PATH nor in /usr/lib/postgresql/*/bin, /usr/local/pgsql/bin or /usr/pgsql-*/bin: " +
                "the database snapshot tests need a PostgreSQL server (apt-get install postgresql; test.sh installs it when missing).");
            Directory.CreateDirectory(Folder);
            var passwordFile = Path.Combine(Folder, "password");
            await File.WriteAllTextAsync(passwordFile, Password + "\n");
            if (IsRoot)
            {
                await RunAsync("chown", ["-R", $"{Unprivileged}:", Folder], asServer: false, TimeSpan.FromSeconds(30));
            }

            await RunAsync(Path.Combine(_bin, "initdb"),
                ["-D", Data, "-U", User, $"--pwfile={passwordFile}", "-A", "scram-sha-256", "-E", "UTF8", "--no-locale", "-N"], asServer: true, TimeSpan.FromMinutes(2));
            File.Delete(passwordFile);
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A new, empty database with the default relations of docs/sql/actorsim-state.sql; its name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync("postgres", $"CREATE DATABASE {name}");
        await ExecuteAsync(name, await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "sql", "actorsim-state.sql")));
        return name;
    }

    /// <summary>Runs <paramref name="sql"/> (several statements allowed) in <paramref name="database"/>.</summary>
    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_started && _bin is not null)
        {
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "-t", "30", "stop"], asServer: true, TimeSpan.FromSeconds(60));
            }
            catch (InvalidOperationException)
            {
                KillPostmaster();
            }
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>Starts the server on a free port; a port taken between choosing and binding it is tried again with another.</summary>
    private async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            try
            {
                await RunAsync(Path.Combine(_bin!, "pg_ctl"),
                    ["-D", Data, "-l", Log, "-w", "-t", "60", "-o", $"-p {Port} -k {Folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
                    asServer: true, TimeSpan.FromSeconds(90));
                _started = true;
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                KillPostmaster();
            }
            catch (InvalidOperationException e)
            {
                var log = File.Exists(Log) ? await File.ReadAllTextAsync(Log) : "(no server log)";
                throw new InvalidOperationException($"{e.Message}\nserver log:\n{log}", e);
            }
        }
    }

    /// <summary>Runs a program (as <see cref="Unprivileged"/> when the server's and this process is root); a non-zero exit is refused with its output.</summary>
    private async Task RunAsync(string program, string[] arguments, bool asServer, TimeSpan timeout)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Folder };
        if (asServer && IsRoot)
        {
            (start.FileName, var prefix) = File.Exists("/usr/sbin/runuser") || File.Exists("/sbin/runuser")
                ? ("runuser", new[] { "-u", Unprivileged, "--" })
                : ("setpriv", new[] { $"--reuid={Unprivileged}", $"--regid={Unprivileged}", "--clear-groups", "--" });
            foreach (var word in prefix)
            {
                start.ArgumentList.Add(word);
            }

            start.ArgumentList.Add(program);
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish within {timeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed (exit {process.ExitCode}){(asServer && IsRoot ? $" as {Unprivileged}" : string.Empty)}:\n{await output}{await error}");
        }
    }

    /// <summary>The server this fixture started, if pg_ctl could not stop it: its pid is the first line of postmaster.pid.</summary>
    private void KillPostmaster()
    {
        var pidFile = Path.Combine(Data, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
            catch (ArgumentException)
            {
            }
        }
    }

    /// <summary>The folder holding both initdb and pg_ctl: PATH first, then the usual install places, newest version first.</summary>
    private static string? FindBinaries()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries);
        var versioned = new[] { "/usr/lib/postgresql", "/usr/pgsql" }
            .SelectMany(root => Directory.Exists(root) ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")) : [])
            .Concat(Directory.Exists("/usr") ? Directory.GetDirectories("/usr", "pgsql-*").Select(d => Path.Combine(d, "bin")) : [])
            .OrderByDescending(d => int.TryParse(new string(d.Where(char.IsDigit).ToArray()), out var v) ? v : 0);
        return path.Concat(versioned).Append("/usr/local/pgsql/bin")
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ActorSim.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("ActorSim.sln not found above the test binaries.");
    }
}
