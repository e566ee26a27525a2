using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;

namespace ActorSim.Model.Snapshots;

/// <summary>
/// A model's structure as a short hash: what a snapshot needs to fit (lines, their resources, containers, stores,
/// arrival and service names, variables' names, kinds of task and their steps, sends and links, telemetry, custom
/// processes and the names of production schedules) and nothing a run may change (parameter values, a schedule's
/// releases). The same model gives the same fingerprint in every process and on every machine.
/// </summary>
public static class ModelFingerprint
{
    /// <summary>The fingerprint of a plant (a single line is a plant of one line without links).</summary>
    public static string Of(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        return Hash(Describe(plant));
    }

    /// <summary>The structure the fingerprint hashes, one fact per line: shown when two models differ.</summary>
    public static string Describe(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        var text = new StringBuilder();
        foreach (var line in plant.Lines)
        {
            Describe(line, text);
        }

        foreach (var link in plant.Links)
        {
            text.Append(CultureInfo.InvariantCulture, $"link {link.Name} {link.From} -> {link.To}\n");
        }

        return text.ToString();
    }

    private static void Describe(LineModel line, StringBuilder text)
    {
        var parameters = line.CreateParameters();
        text.Append(CultureInfo.InvariantCulture, $"line {line.SimId}\n");
        Names(text, line.SimId, "resource", parameters.Resources.Keys);
        Names(text, line.SimId, "container", parameters.Containers.Keys);
        Names(text, line.SimId, "store", parameters.Stores.Keys);
        Names(text, line.SimId, "arrival", parameters.Arrival.Keys);
        Names(text, line.SimId, "service", parameters.Service.Keys);
        Names(text, line.SimId, "variable", parameters.Variables.Keys);
        foreach (var task in line.Tasks)
        {
            text.Append(CultureInfo.InvariantCulture, $"{line.SimId} task {task.Name} arrival={task.Arrival} link={task.FromLink} key={task.KeyPrefix}\n");
            for (var i = 0; i < task.Steps.Count; i++)
            {
                var step = task.Steps[i];
                text.Append(CultureInfo.InvariantCulture, $"{line.SimId} task {task.Name} step {i} {step.Resource} {step.Service} handoff={step.HandOff} priority={step.Priority}\n");
            }

            foreach (var send in task.Sends)
            {
                text.Append(CultureInfo.InvariantCulture, $"{line.SimId} task {task.Name} sends {send.Link}\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"{line.SimId} telemetry {line.TelemetryInterval?.ToString("R", CultureInfo.InvariantCulture) ?? "none"}\n");
        Names(text, line.SimId, "process", line.Processes.Select(p => p.Name));
        Names(text, line.SimId, "schedule", line.Schedules.Select(s => s.Name));
    }

    private static void Names(StringBuilder text, string simId, string kind, IEnumerable<string> names)
    {
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{simId} {kind} {name}\n");
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
