using System.Globalization;
using System.Text.Json;
using DataArchiver.Core.Pipeline;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;

namespace DataArchiver.Cli.Output;

/// <summary>
/// Keeps <c>archiver.pid</c> and <c>current_task.json</c> in the state directory for other tools to watch (pid,
/// start time, table, range, the units in progress with their stage and rows, units done of total). Both files are
/// written atomically and removed when the run ends. Trouble writing them is reported once and never stops the run.
/// </summary>
internal sealed class StatusFiles : IArchiveProgress, IDisposable
{
    /// <summary>The name of the file holding the process id.</summary>
    public const string PidFileName = "archiver.pid";

    /// <summary>The name of the file describing the run.</summary>
    public const string TaskFileName = "current_task.json";

    /// <summary>Row counts alone rewrite the file at most this often; stage changes always do.</summary>
    private static readonly TimeSpan RowsInterval = TimeSpan.FromSeconds(1);

    private readonly string _pidPath;
    private readonly string _taskPath;
    private readonly string _pidText;
    private readonly string _table;
    private readonly DateOnly _startDate;
    private readonly DateOnly _endDate;
    private readonly TimeProvider _clock;
    private readonly Action<string> _warn;
    private readonly DateTimeOffset _startedAt;
    private readonly Dictionary<WorkUnit, Entry> _current = [];
    private readonly Lock _gate = new();
    private DateTimeOffset _savedAt;
    private bool _warned;
    private int _done;
    private int _failed;
    private int _total;

    private sealed class Entry(WorkUnit unit)
    {
        public string Partition { get; } = unit.Source.ToString();
        public string Key { get; } = unit.Key;
        public string Stage { get; set; } = "started";
        public long Rows { get; set; }
        public long? ExpectedRows { get; set; }
    }

    /// <summary>Writes both files into <paramref name="directory"/> (created if needed) for a run over <paramref name="table"/>'s days from <paramref name="startDate"/> to <paramref name="endDate"/>.</summary>
    public StatusFiles(string directory, RelationName table, DateOnly startDate, DateOnly endDate, TimeProvider clock, Action<string> warn)
    {
        Directory.CreateDirectory(directory);
        _pidPath = Path.Combine(directory, PidFileName);
        _taskPath = Path.Combine(directory, TaskFileName);
        _pidText = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        _table = table.ToString();
        _startDate = startDate;
        _endDate = endDate;
        _clock = clock;
        _warn = warn;
        _startedAt = clock.GetUtcNow();
        lock (_gate)
        {
            Write(_pidPath, _pidText + "\n");
            Save();
        }
    }

    public void PlanReady(ArchivePlan plan) => Update(() => _total = plan.Units.Count);

    public void UnitStarted(WorkUnit unit) => Update(() => _current[unit] = new Entry(unit));

    public void StageChanged(WorkUnit unit, UnitStage stage) => Update(() => EntryOf(unit).Stage = stage.ToString().ToLowerInvariant());

    public void RowsExpected(WorkUnit unit, long rows, bool estimated) => Update(() => EntryOf(unit).ExpectedRows = rows);

    public void RowsDone(WorkUnit unit, long rows, long bytesOut)
    {
        lock (_gate)
        {
            EntryOf(unit).Rows = rows;
            if (_clock.GetUtcNow() - _savedAt >= RowsInterval)
                Save();
        }
    }

    public void Retrying(WorkUnit unit, int attempt, TimeSpan delay, Exception cause) =>
        Update(() => EntryOf(unit).Stage = $"retrying (attempt {attempt + 1})");

    public void UnitFinished(UnitResult result) => Update(() =>
    {
        _current.Remove(result.Unit);
        _done++;
        if (result.Outcome == UnitOutcome.Failed)
            _failed++;
    });

    public void Debug(string message) { }

    public void Warning(string message) { }

    /// <summary>Removes both files, unless another run has taken the state directory over since.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!IsStillOurs())
                return;
            TryDelete(_taskPath);
            TryDelete(_pidPath);
        }
    }

    /// <summary>Removes both files without waiting for a writer: for a process that is about to be ended at once.</summary>
    public void RemoveAtOnce()
    {
        if (!IsStillOurs())
            return;
        TryDelete(_taskPath);
        TryDelete(_pidPath);
    }

    private Entry EntryOf(WorkUnit unit)
    {
        if (!_current.TryGetValue(unit, out var entry))
            _current[unit] = entry = new Entry(unit);
        return entry;
    }

    private void Update(Action change)
    {
        lock (_gate)
        {
            change();
            Save();
        }
    }

    private void Save()
    {
        _savedAt = _clock.GetUtcNow();
        var status = new CurrentTask(
            Environment.ProcessId,
            _startedAt,
            _savedAt,
            _table,
            _startDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _endDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _done,
            _failed,
            _total,
            _current.Values.OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => new CurrentUnit(e.Partition, e.Key, e.Stage, e.Rows, e.ExpectedRows)).ToArray());
        Write(_taskPath, JsonSerializer.Serialize(status, StatusJsonContext.Default.CurrentTask));
    }

    private void Write(string path, string text)
    {
        try
        {
            AtomicFile.Write(path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            if (!_warned)
            {
                _warned = true;
                _warn($"cannot write the status file {path} ({error.Message}); the run goes on without it");
            }
        }
    }

    private bool IsStillOurs()
    {
        try
        {
            return !File.Exists(_pidPath) || File.ReadAllText(_pidPath).Trim() == _pidText;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
        }
    }
}
