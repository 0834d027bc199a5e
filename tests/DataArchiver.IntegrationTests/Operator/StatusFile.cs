using System.Diagnostics;
using System.Text.Json.Nodes;

namespace DataArchiver.IntegrationTests.Operator;

/// <summary>Reads the status files a running archive keeps in its state directory.</summary>
internal static class StatusFile
{
    public const string Pid = "archiver.pid";
    public const string Task = "current_task.json";

    /// <summary>current_task.json, or <c>null</c> while it does not exist (it is replaced atomically, never seen half-written).</summary>
    public static JsonObject? TryRead(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, Task);
        try
        {
            return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Polls current_task.json until <paramref name="condition"/> holds.</summary>
    public static async Task<JsonObject> WaitForAsync(string stateDirectory, Func<JsonObject, bool> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = TryRead(stateDirectory);
            if (status is not null && condition(status))
                return status;
            if (clock.Elapsed > within)
                throw new TimeoutException($"current_task.json did not reach the expected state within {within.TotalSeconds} s; last: {status?.ToJsonString()}");
            await System.Threading.Tasks.Task.Delay(20);
        }
    }

    /// <summary>The units in progress: (partition, stage).</summary>
    public static List<(string Partition, string Stage)> Current(JsonObject status) =>
        status["current"]!.AsArray().Select(u => ((string)u!["partition"]!, (string)u["stage"]!)).ToList();

    /// <summary>Asserts that neither status file is left in <paramref name="stateDirectory"/>.</summary>
    public static void AssertRemoved(string stateDirectory)
    {
        Assert.False(File.Exists(Path.Combine(stateDirectory, Pid)), $"{Pid} is still in {stateDirectory}");
        Assert.False(File.Exists(Path.Combine(stateDirectory, Task)), $"{Task} is still in {stateDirectory}");
    }
}
