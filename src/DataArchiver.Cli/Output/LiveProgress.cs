using System.Collections.Concurrent;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using Spectre.Console;

namespace DataArchiver.Cli.Output;

/// <summary>
/// The live terminal display: an overall bar (units done of total, rows, bytes, ETA) and one line per active worker
/// with its partition, its current stage, rows done of the expected count, rows/s and bytes written. Driven only by
/// pipeline events; warnings and failures are printed above the bars.
/// </summary>
internal sealed class LiveProgress(IAnsiConsole console, bool debug) : IArchiveProgress
{
    private readonly ConcurrentDictionary<WorkUnit, Worker> _workers = new();
    private ProgressContext? _context;
    private ProgressTask? _overall;
    private long _rows;
    private long _bytes;
    private int _done;
    private int _total;

    private sealed class Worker(ProgressTask task)
    {
        public ProgressTask Task { get; } = task;
        public string Stage { get; set; } = "starting";
        public long Expected { get; set; }
        public long Rows { get; set; }
        public long Bytes { get; set; }
        public DateTime StartedAt { get; } = DateTime.UtcNow;
    }

    /// <summary>Runs <paramref name="work"/> while the display is shown.</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> work) =>
        console.Progress()
            .AutoClear(false)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                _context = context;
                _overall = context.AddTask("planning", maxValue: 1);
                return await work();
            });

    public void PlanReady(ArchivePlan plan)
    {
        _total = plan.Units.Count;
        foreach (var skipped in plan.Skipped)
            console.MarkupLineInterpolated($"[yellow]skipping {skipped.Relation}: {skipped.Reason}[/]");
        if (_overall is not null)
        {
            _overall.MaxValue = Math.Max(1, _total);
            UpdateOverall();
        }
    }

    public void UnitStarted(WorkUnit unit)
    {
        if (_context is null)
            return;
        var worker = new Worker(_context.AddTask(Escape(unit.Source.Name), maxValue: 1));
        worker.Task.IsIndeterminate = true;
        _workers[unit] = worker;
        Describe(unit, worker);
    }

    public void StageChanged(WorkUnit unit, UnitStage stage)
    {
        if (_workers.TryGetValue(unit, out var worker))
        {
            worker.Stage = stage.ToString().ToLowerInvariant();
            Describe(unit, worker);
        }
    }

    public void RowsExpected(WorkUnit unit, long rows, bool estimated)
    {
        if (!_workers.TryGetValue(unit, out var worker))
            return;
        worker.Expected = rows;
        worker.Task.IsIndeterminate = rows <= 0;
        worker.Task.MaxValue = Math.Max(1, rows);
        Describe(unit, worker);
    }

    public void RowsDone(WorkUnit unit, long rows, long bytesOut)
    {
        if (!_workers.TryGetValue(unit, out var worker))
            return;
        worker.Rows = rows;
        worker.Bytes = bytesOut;
        if (worker.Expected > 0)
            worker.Task.Value = Math.Min(rows, worker.Expected);
        Describe(unit, worker);
    }

    public void Retrying(WorkUnit unit, int attempt, TimeSpan delay, Exception cause)
    {
        console.MarkupLineInterpolated($"[yellow]{unit.Source}: attempt {attempt} failed ({cause.Message}); retrying in {delay.TotalSeconds:F1} s[/]");
        if (_workers.TryGetValue(unit, out var worker))
        {
            worker.Stage = $"retrying {attempt}";
            Describe(unit, worker);
        }
    }

    public void UnitFinished(UnitResult result)
    {
        if (_workers.TryRemove(result.Unit, out var worker))
        {
            worker.Task.Value = worker.Task.MaxValue;
            worker.Task.StopTask();
        }
        if (result.Outcome == UnitOutcome.Failed)
            console.MarkupLineInterpolated($"[red]{result.Unit.Source}: failed: {result.Error}[/]");
        Interlocked.Add(ref _rows, result.Rows);
        Interlocked.Add(ref _bytes, result.BytesOut);
        Interlocked.Increment(ref _done);
        UpdateOverall();
    }

    public void Debug(string message)
    {
        if (debug)
            console.MarkupLineInterpolated($"[grey]{message}[/]");
    }

    public void Warning(string message) => console.MarkupLineInterpolated($"[yellow]{message}[/]");

    private void UpdateOverall()
    {
        if (_overall is null)
            return;
        _overall.Value = _done;
        _overall.Description = Escape($"{_done}/{_total} units · {Interlocked.Read(ref _rows):N0} rows · {SummaryPrinter.Bytes(Interlocked.Read(ref _bytes))}");
    }

    private static void Describe(WorkUnit unit, Worker worker)
    {
        var seconds = Math.Max((DateTime.UtcNow - worker.StartedAt).TotalSeconds, 0.001);
        var rows = worker.Expected > 0 ? $"{worker.Rows:N0}/{worker.Expected:N0}" : $"{worker.Rows:N0}";
        worker.Task.Description = Escape($"  {unit.Source.Name} · {worker.Stage} · {rows} rows · {worker.Rows / seconds:N0} rows/s · {SummaryPrinter.Bytes(worker.Bytes)}");
    }

    private static string Escape(string text) => Markup.Escape(text);
}
