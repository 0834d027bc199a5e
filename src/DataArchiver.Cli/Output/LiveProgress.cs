using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DataArchiver.Cli.Output;

/// <summary>
/// The live terminal display: an overall line (bar, units done of total, rows, bytes, elapsed, ETA) and one line per
/// active worker (partition, current stage, rows done of the expected count, rows/s, bytes written), laid out by
/// <see cref="ProgressLayout"/> to fit the terminal and redrawn a few times a second. Driven only by pipeline events;
/// warnings, failures and debug details are printed above it by the same loop that redraws it.
/// </summary>
internal sealed class LiveProgress(IAnsiConsole console, string table, bool debug, TimeProvider clock) : IArchiveProgress
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private readonly List<Worker> _workers = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<IRenderable> _messages = new();
    private readonly long _startedAt = clock.GetTimestamp();
    private long? _plannedAt;
    private int? _total;
    private int _done;
    private int _failed;
    private long _rows;
    private long _bytes;

    private sealed class Worker(WorkUnit unit)
    {
        public WorkUnit Unit { get; } = unit;
        public string Stage { get; set; } = "starting";
        public long? Expected { get; set; }
        public bool Estimated { get; set; }
        public long Rows { get; set; }
        public long Bytes { get; set; }
        public long? ExtractingSince { get; set; }
    }

    /// <summary>
    /// A console on <paramref name="output"/>, which the caller knows to be a terminal: ANSI and interaction are not
    /// left to detection, which would also look at stderr and fall back to plain lines when only stderr is redirected.
    /// </summary>
    public static IAnsiConsole CreateConsole(TextWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Yes,
        Interactive = InteractionSupport.Yes,
        ColorSystem = ColorSystemSupport.Detect,
        Out = new AnsiConsoleOutput(output),
    });

    /// <summary>
    /// Shows the cursor again, written straight to the standard output's file descriptor: for a process about to be
    /// ended at once, when the display's own writer may be held by the drawing thread.
    /// </summary>
    public static void RestoreTerminal()
    {
        using var stdout = Console.OpenStandardOutput();
        stdout.Write("\u001b[?25h\n"u8);
    }

    /// <summary>Runs <paramref name="work"/> while the display is shown; the display is cleared when it ends.</summary>
    /// <remarks>
    /// Only this loop touches the console while the display is up: Spectre's live display is not safe for writes
    /// from other threads (its refresh and a concurrent write take two locks in opposite order and deadlock), so
    /// messages from the workers are queued and printed here, above the frame, before each refresh. The frame is a
    /// target that draws the current state whenever it is rendered, so a refresh is all it takes to update it.
    /// </remarks>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        var running = work();
        try
        {
            await console.Live(new Frame(this))
                .AutoClear(true)
                .Overflow(VerticalOverflow.Ellipsis)
                .Cropping(VerticalOverflowCropping.Bottom)
                .StartAsync(async context =>
                {
                    while (!running.IsCompleted)
                    {
                        PrintQueued();
                        context.Refresh();
                        await Task.WhenAny(running, Task.Delay(RefreshInterval, clock));
                    }
                    PrintQueued();
                });
        }
        finally
        {
            PrintQueued();
        }
        return await running;
    }

    public void PlanReady(ArchivePlan plan)
    {
        lock (_gate)
        {
            _total = plan.Units.Count;
            _plannedAt = clock.GetTimestamp();
        }
        foreach (var skipped in plan.Skipped)
            Print($"[yellow]skipping {skipped.Relation}: {skipped.Reason}[/]");
    }

    public void UnitStarted(WorkUnit unit)
    {
        lock (_gate)
            _workers.Add(new Worker(unit));
    }

    public void StageChanged(WorkUnit unit, UnitStage stage) => Change(unit, worker =>
    {
        worker.Stage = stage.ToString().ToLowerInvariant();
        if (stage == UnitStage.Extracting)
            worker.ExtractingSince = clock.GetTimestamp();
    });

    public void RowsExpected(WorkUnit unit, long rows, bool estimated) => Change(unit, worker =>
    {
        worker.Expected = rows;
        worker.Estimated = estimated;
    });

    public void RowsDone(WorkUnit unit, long rows, long bytesOut) => Change(unit, worker =>
    {
        worker.Rows = rows;
        worker.Bytes = bytesOut;
    });

    public void Retrying(WorkUnit unit, int attempt, TimeSpan delay, Exception cause)
    {
        Print($"[yellow]{unit.Source}: attempt {attempt} failed ({cause.Message}); retrying in {delay.TotalSeconds:F1} s[/]");
        Change(unit, worker =>
        {
            worker.Stage = "retrying";
            worker.Rows = 0;
            worker.Bytes = 0;
            worker.ExtractingSince = null;
        });
    }

    public void UnitFinished(UnitResult result)
    {
        lock (_gate)
        {
            _workers.RemoveAll(w => w.Unit == result.Unit);
            _done++;
            _rows += result.Rows;
            _bytes += result.BytesOut;
            if (result.Outcome == UnitOutcome.Failed)
                _failed++;
        }
        if (result.Outcome == UnitOutcome.Failed)
            Print($"[red]{result.Unit.Source}: failed: {result.Error}[/]");
    }

    public void Debug(string message)
    {
        if (debug)
            Print($"[grey]{message}[/]");
    }

    public void Warning(string message) => Print($"[yellow]{message}[/]");

    /// <summary>The current frame: the overall line and the active workers, sized to the terminal.</summary>
    internal IRenderable Render()
    {
        var (overall, workers) = Snapshot();
        var lines = ProgressLayout.Render(overall, workers, console.Profile.Width, console.Profile.Height, console.Profile.Capabilities.Unicode);
        return new Rows(lines.Select(line => new Markup(line) { Overflow = Overflow.Crop }));
    }

    /// <summary>The live display's target: whatever the progress is at the moment it is drawn.</summary>
    private sealed class Frame(LiveProgress owner) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => owner.Render().Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => owner.Render().Render(options, maxWidth);
    }

    private (OverallView, List<WorkerView>) Snapshot()
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            var workers = _workers.Select(w => new WorkerView(w.Unit.Source.Name, w.Stage, w.Rows, w.Expected, w.Estimated, Rate(w, now), w.Bytes)).ToList();
            var active = _workers.Sum(w => w.Expected is > 0 ? Math.Min(1, (double)w.Rows / w.Expected.Value) : 0);
            var fraction = _total is > 0 ? Math.Min(1, (_done + active) / _total.Value) : _total == 0 ? 1 : 0;
            TimeSpan? remaining = null;
            if (_plannedAt is { } plannedAt && fraction is > 0.005 and < 1)
            {
                var spent = clock.GetElapsedTime(plannedAt, now);
                if (spent > TimeSpan.FromSeconds(1))
                    remaining = spent * ((1 - fraction) / fraction);
            }
            var overall = new OverallView(table, _total, _done, _failed, _rows + _workers.Sum(w => w.Rows), _bytes + _workers.Sum(w => w.Bytes),
                fraction, clock.GetElapsedTime(_startedAt, now), remaining);
            return (overall, workers);
        }
    }

    /// <summary>Queues a message for the display loop to print above the frame (interpolated values are escaped).</summary>
    private void Print(FormattableString markup) =>
        _messages.Enqueue(new ClearedLines(Markup.FromInterpolated(System.Globalization.CultureInfo.InvariantCulture, markup)));

    /// <summary>Prints the queued messages, each erasing what the frame left on its lines.</summary>
    private void PrintQueued()
    {
        while (_messages.TryDequeue(out var message))
            console.Write(message);
    }

    private double? Rate(Worker worker, long now)
    {
        if (worker.ExtractingSince is not { } since)
            return null;
        var seconds = clock.GetElapsedTime(since, now).TotalSeconds;
        return seconds >= 0.5 ? worker.Rows / seconds : null;
    }

    private void Change(WorkUnit unit, Action<Worker> change)
    {
        lock (_gate)
        {
            if (_workers.Find(w => w.Unit == unit) is { } worker)
                change(worker);
        }
    }
}
