using System.Globalization;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Viewer.Api;
using DataArchiver.Viewer.Metrics;

namespace DataArchiver.Viewer.Sources;

/// <summary>
/// The serving run as the pipeline reports it: a progress listener that keeps the run's counts, one line per active
/// worker and the outcome of every finished unit, and feeds the metrics. Safe for calls from several workers.
/// </summary>
internal sealed class LiveRun : IArchiveProgress
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly RunMetrics _metrics;
    private readonly Dictionary<WorkUnit, Worker> _workers = [];
    private readonly Dictionary<string, UnitResult> _finished = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _startedAt;
    private DateTimeOffset _updatedAt;
    private int _total;
    private int _retries;
    private long _rows;
    private long _bytesIn;
    private long _bytesOut;

    private sealed class Worker(WorkUnit unit, DateTimeOffset startedAt, long since)
    {
        public WorkUnit Unit { get; } = unit;
        public DateTimeOffset StartedAt { get; } = startedAt;
        public string Stage { get; set; } = "started";
        public long StageSince { get; set; } = since;
        public long Rows { get; set; }
        public long BytesOut { get; set; }
        public long? ExpectedRows { get; set; }
        public bool Estimated { get; set; }
    }

    /// <summary>Tracks a run over <paramref name="table"/>'s days from <paramref name="startDate"/> to <paramref name="endDate"/>.</summary>
    public LiveRun(string table, DateOnly startDate, DateOnly endDate, TimeProvider clock, RunMetrics metrics)
    {
        Table = table;
        StartDate = startDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        EndDate = endDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _clock = clock;
        _metrics = metrics;
        _startedAt = _updatedAt = clock.GetUtcNow();
        metrics.StartTime.Set(_startedAt.ToUnixTimeMilliseconds() / 1000.0);
    }

    /// <summary>The table archived.</summary>
    public string Table { get; }
    /// <summary>First day.</summary>
    public string StartDate { get; }
    /// <summary>Last day.</summary>
    public string EndDate { get; }

    /// <summary>Raised after every change; the argument says whether the set of objects changed too (a unit started or ended).</summary>
    public event Action<bool>? Changed;

    public void PlanReady(ArchivePlan plan)
    {
        Update(() => _total = plan.Units.Count, objects: false);
        _metrics.Planned.Set(plan.Units.Count);
    }

    public void UnitStarted(WorkUnit unit) =>
        Update(() => _workers[unit] = new Worker(unit, _clock.GetUtcNow(), _clock.GetTimestamp()), objects: true);

    public void StageChanged(WorkUnit unit, UnitStage stage) =>
        Update(() => EnterStage(WorkerOf(unit), stage.ToString().ToLowerInvariant()), objects: false);

    public void RowsExpected(WorkUnit unit, long rows, bool estimated) => Update(() =>
    {
        var worker = WorkerOf(unit);
        worker.ExpectedRows = rows;
        worker.Estimated = estimated;
    }, objects: false);

    public void RowsDone(WorkUnit unit, long rows, long bytesOut) => Update(() =>
    {
        var worker = WorkerOf(unit);
        worker.Rows = rows;
        worker.BytesOut = bytesOut;
    }, objects: false);

    public void Retrying(WorkUnit unit, int attempt, TimeSpan delay, Exception cause)
    {
        Update(() =>
        {
            _retries++;
            EnterStage(WorkerOf(unit), "retrying");
        }, objects: false);
        _metrics.Retries.Inc();
    }

    public void UnitFinished(UnitResult result)
    {
        Update(() =>
        {
            if (_workers.Remove(result.Unit, out var worker))
                _metrics.StageSeconds.WithLabels(worker.Stage).Observe(_clock.GetElapsedTime(worker.StageSince).TotalSeconds);
            _finished[result.Unit.Key] = result;
            _rows += result.Rows;
            _bytesIn += result.BytesIn;
            _bytesOut += result.BytesOut;
        }, objects: true);
        _metrics.Units.WithLabels(OutcomeName(result.Outcome)).Inc();
        _metrics.Rows.Inc(result.Rows);
        _metrics.BytesIn.Inc(result.BytesIn);
        _metrics.BytesOut.Inc(result.BytesOut);
    }

    public void Debug(string message) { }

    public void Warning(string message) => _metrics.Warnings.Inc();

    /// <summary>The run as the status shows it.</summary>
    public RunInfo Snapshot()
    {
        lock (_gate)
        {
            int Count(UnitOutcome outcome) => _finished.Values.Count(r => r.Outcome == outcome);
            return new RunInfo
            {
                Pid = Environment.ProcessId,
                Running = true,
                Live = true,
                Table = Table,
                StartDate = StartDate,
                EndDate = EndDate,
                StartedAt = _startedAt,
                UpdatedAt = _updatedAt,
                UnitsTotal = _total,
                UnitsDone = _finished.Count,
                UnitsFailed = Count(UnitOutcome.Failed),
                UnitsArchived = Count(UnitOutcome.Archived),
                UnitsSkipped = Count(UnitOutcome.Skipped),
                UnitsEmpty = Count(UnitOutcome.Empty),
                Rows = _rows,
                BytesIn = _bytesIn,
                BytesOut = _bytesOut,
                Retries = _retries,
                Workers = _workers.Values.OrderBy(w => w.Unit.Key, StringComparer.Ordinal).Select(w => new WorkerInfo
                {
                    Partition = w.Unit.Source.ToString(),
                    Key = w.Unit.Key,
                    Stage = w.Stage,
                    Rows = w.Rows,
                    ExpectedRows = w.ExpectedRows,
                    Estimated = w.Estimated,
                    BytesOut = w.BytesOut,
                    StartedAt = w.StartedAt,
                }).ToList(),
            };
        }
    }

    /// <summary>The outcome of every unit this run finished, by object key.</summary>
    public IReadOnlyDictionary<string, UnitResult> Finished()
    {
        lock (_gate)
            return new Dictionary<string, UnitResult>(_finished, StringComparer.Ordinal);
    }

    /// <summary>The entry state a finished unit shows.</summary>
    public static string StateOf(UnitOutcome outcome) => outcome switch
    {
        UnitOutcome.Archived => "uploaded",
        UnitOutcome.Skipped => "skipped",
        UnitOutcome.Empty => "empty",
        UnitOutcome.Failed => "failed",
        _ => "dry-run",
    };

    private static string OutcomeName(UnitOutcome outcome) => outcome switch
    {
        UnitOutcome.WouldArchive => "would_archive",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private void EnterStage(Worker worker, string stage)
    {
        var now = _clock.GetTimestamp();
        _metrics.StageSeconds.WithLabels(worker.Stage).Observe(_clock.GetElapsedTime(worker.StageSince, now).TotalSeconds);
        worker.Stage = stage;
        worker.StageSince = now;
    }

    private Worker WorkerOf(WorkUnit unit)
    {
        if (!_workers.TryGetValue(unit, out var worker))
            _workers[unit] = worker = new Worker(unit, _clock.GetUtcNow(), _clock.GetTimestamp());
        return worker;
    }

    private void Update(Action change, bool objects)
    {
        lock (_gate)
        {
            change();
            _updatedAt = _clock.GetUtcNow();
            _metrics.Active.Set(_workers.Count);
            _metrics.Done.Set(_finished.Count);
            _metrics.Progress.Set(_total > 0 ? (double)_finished.Count / _total : 0);
            _metrics.RowsInFlight.Set(_workers.Values.Sum(w => w.Rows));
        }
        Changed?.Invoke(objects);
    }
}
