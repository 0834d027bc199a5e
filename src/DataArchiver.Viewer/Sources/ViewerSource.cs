using DataArchiver.Viewer.Api;
using DataArchiver.Viewer.Metrics;

namespace DataArchiver.Viewer.Sources;

/// <summary>
/// What the viewer shows: the runs (the serving run, if any, and every status file in the state directory) and the
/// objects of every state file, with the units in progress marked as running. Changes are announced through
/// <see cref="StatusChanged"/> and <see cref="CacheChanged"/>: the serving run's events at once, files by a poll.
/// </summary>
internal sealed class ViewerSource
{
    /// <summary>How often the state directory is looked at for changes.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly StateDirectory _directory;
    private readonly LiveRun? _live;
    private readonly TimeProvider _clock;
    private (string Tables, string Tasks, string Alive) _seen = ("", "", "");

    /// <summary>Reads <paramref name="stateDirectory"/>; <paramref name="live"/> is the serving process's own run, if any.</summary>
    public ViewerSource(string stateDirectory, LiveRun? live, string version, TimeProvider clock, RunMetrics metrics)
    {
        _directory = new StateDirectory(stateDirectory);
        _live = live;
        _clock = clock;
        Version = version;
        Metrics = metrics;
        if (live is not null)
        {
            live.Changed += objects =>
            {
                StatusChanged.Notify();
                if (objects)
                    CacheChanged.Notify();
            };
        }
        metrics.Registry.AddBeforeCollectCallback(UpdateStateMetrics);
    }

    /// <summary>The tool's version, as the status reports it.</summary>
    public string Version { get; }

    /// <summary>The metrics exported at <c>/metrics</c>.</summary>
    public RunMetrics Metrics { get; }

    /// <summary>Bumped when the runs change.</summary>
    public ChangeSignal StatusChanged { get; } = new();

    /// <summary>Bumped when the objects change.</summary>
    public ChangeSignal CacheChanged { get; } = new();

    /// <summary>Every run, most recent first; the most recent live one is the Go tool's <c>pid</c> and <c>currentTask</c>.</summary>
    public StatusResponse Status()
    {
        var runs = Runs();
        var current = runs.FirstOrDefault(run => run.Running);
        return new StatusResponse
        {
            ArchiverRunning = current is not null,
            Pid = current?.Pid,
            CurrentTask = current is null ? null : ToTask(current),
            Version = Version,
            Runs = runs,
        };
    }

    /// <summary>The objects of every state file, with the units in progress and this run's outcomes laid over them.</summary>
    public CacheResponse Cache()
    {
        var tables = _directory.ReadTables().ToList();
        var finished = _live?.Finished() ?? new Dictionary<string, Core.Progress.UnitResult>();
        for (var i = 0; i < tables.Count; i++)
        {
            var table = tables[i];
            if (finished.Count == 0 || table.TableName != _live?.Table)
                continue;
            tables[i] = table with
            {
                Entries = table.Entries.Select(entry => finished.TryGetValue(entry.S3Key, out var result) && entry.LastError is null
                    ? entry with { State = LiveRun.StateOf(result.Outcome) }
                    : entry).ToList(),
            };
        }
        foreach (var run in Runs().Where(run => run.Running))
            tables = WithRunning(tables, run);
        return new CacheResponse(tables, _clock.GetUtcNow());
    }

    /// <summary>Looks at the state directory every <see cref="PollInterval"/> until cancelled and announces what changed.</summary>
    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval, _clock);
        try
        {
            do
                Poll();
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Compares the state directory with the last look and announces what changed.</summary>
    public void Poll()
    {
        var (tables, tasks) = _directory.Fingerprint();
        var alive = string.Join(',', _directory.ReadRuns(Environment.ProcessId).Select(run => $"{run.Pid}:{run.Running}"));
        var before = _seen;
        _seen = (tables, tasks, alive);
        if (before.Tables != tables)
            CacheChanged.Notify();
        if (before.Tasks != tasks || before.Alive != alive)
        {
            StatusChanged.Notify();
            CacheChanged.Notify();
        }
    }

    private List<RunInfo> Runs()
    {
        var runs = new List<RunInfo>();
        if (_live is not null)
            runs.Add(_live.Snapshot());
        runs.AddRange(_directory.ReadRuns(_live is null ? -1 : Environment.ProcessId));
        return runs.OrderByDescending(run => run.Running).ThenByDescending(run => run.StartedAt).ToList();
    }

    private static List<TableCache> WithRunning(List<TableCache> tables, RunInfo run)
    {
        if (run.Workers.Count == 0)
            return tables;
        var index = tables.FindIndex(t => t.TableName == run.Table);
        var table = index >= 0 ? tables[index] : new TableCache { TableName = run.Table, Destination = "", Entries = [] };
        var entries = table.Entries.ToList();
        foreach (var worker in run.Workers)
        {
            var at = entries.FindIndex(e => e.S3Key == worker.Key);
            var entry = CacheEntries.Running(run.Table, worker, at >= 0 ? entries[at] : null);
            if (at >= 0)
                entries[at] = entry;
            else
                entries.Add(entry);
        }
        var updated = table with { Entries = entries };
        var result = tables.ToList();
        if (index >= 0)
            result[index] = updated;
        else
            result.Add(updated);
        return result;
    }

    private static TaskInfo ToTask(RunInfo run) => new()
    {
        Pid = run.Pid,
        StartTime = run.StartedAt,
        Table = run.Table,
        StartDate = run.StartDate,
        EndDate = run.EndDate,
        CurrentTask = $"archiving {run.Table}",
        CurrentPartition = run.Workers.Count > 0 ? run.Workers[0].Partition : null,
        CurrentStep = run.Workers.Count > 0 ? run.Workers[0].Stage : null,
        Progress = run.UnitsTotal > 0 ? Math.Round(100.0 * run.UnitsDone / run.UnitsTotal, 1) : 0,
        TotalItems = run.UnitsTotal,
        CompletedItems = run.UnitsDone,
        LastUpdate = run.UpdatedAt,
    };

    private void UpdateStateMetrics()
    {
        foreach (var table in Cache().Tables.GroupBy(t => t.TableName))
        {
            var entries = table.SelectMany(t => t.Entries).ToList();
            foreach (var state in new[] { "uploaded", "skipped", "empty", "failed", "running" })
                Metrics.StoredObjects.WithLabels(table.Key, state).Set(entries.Count(e => e.State == state));
            Metrics.StoredRows.WithLabels(table.Key).Set(entries.Where(e => e.S3Uploaded).Sum(e => e.RowCount));
            Metrics.StoredBytes.WithLabels(table.Key).Set(entries.Where(e => e.S3Uploaded).Sum(e => e.FileSize));
        }
    }
}
