using System.Collections.Concurrent;
using System.Text.Json;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;

namespace DataArchiver.Cli.Output;

/// <summary>
/// Keeps <c>archiver.pid</c> and <c>current_task.json</c> in the state directory for other tools to watch (pid,
/// start time, table, range, the units in progress with their stages, units done of total). Both files are written
/// atomically and removed when the run ends.
/// </summary>
internal sealed class StatusFiles : IArchiveProgress, IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly string _pidPath;
    private readonly string _taskPath;
    private readonly ArchiveSettings _settings;
    private readonly DateTimeOffset _startedAt;
    private readonly ConcurrentDictionary<string, string> _current = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _done;
    private int _total;

    public StatusFiles(string directory, ArchiveSettings settings, TimeProvider clock)
    {
        Directory.CreateDirectory(directory);
        _pidPath = Path.Combine(directory, "archiver.pid");
        _taskPath = Path.Combine(directory, "current_task.json");
        _settings = settings;
        _startedAt = clock.GetUtcNow();
        WriteAtomically(_pidPath, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
        Save();
    }

    public void PlanReady(ArchivePlan plan)
    {
        _total = plan.Units.Count;
        Save();
    }

    public void UnitStarted(WorkUnit unit)
    {
        _current[unit.Key] = "started";
        Save();
    }

    public void StageChanged(WorkUnit unit, UnitStage stage)
    {
        _current[unit.Key] = stage.ToString().ToLowerInvariant();
        Save();
    }

    public void RowsExpected(WorkUnit unit, long rows, bool estimated) { }

    public void RowsDone(WorkUnit unit, long rows, long bytesOut) { }

    public void Retrying(WorkUnit unit, int attempt, TimeSpan delay, Exception cause)
    {
        _current[unit.Key] = $"retrying {attempt}";
        Save();
    }

    public void UnitFinished(UnitResult result)
    {
        _current.TryRemove(result.Unit.Key, out _);
        Interlocked.Increment(ref _done);
        Save();
    }

    public void Debug(string message) { }

    public void Warning(string message) { }

    public void Dispose()
    {
        TryDelete(_taskPath);
        TryDelete(_pidPath);
    }

    private void Save()
    {
        lock (_gate)
        {
            var status = new
            {
                Pid = Environment.ProcessId,
                StartedAt = _startedAt,
                Table = $"{_settings.Schema}.{_settings.Table}",
                StartDate = _settings.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                EndDate = _settings.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                // ToArray is the dictionary's own atomic snapshot; LINQ straight over it sizes its buffer from a Count
                // that other workers may change before the copy, which throws.
                Current = _current.ToArray().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new { Key = p.Key, Stage = p.Value }).ToArray(),
                UnitsDone = _done,
                UnitsTotal = _total,
            };
            WriteAtomically(_taskPath, JsonSerializer.Serialize(status, Json));
        }
    }

    private static void WriteAtomically(string path, string text)
    {
        var temp = $"{path}.tmp-{Environment.ProcessId}";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
