using System.Collections.Concurrent;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;

namespace DataArchiver.Cli.Output;

/// <summary>
/// Renders pipeline events as log lines on stderr (no terminal control codes): plain text, logfmt or JSON lines.
/// Safe to call from several workers at once.
/// </summary>
internal sealed class LogProgress(TextWriter error, LogFormat format, bool debug, TimeProvider clock) : IArchiveProgress
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<WorkUnit, (string Stage, long Since)> _stages = new();

    public void PlanReady(ArchivePlan plan)
    {
        Write("info", $"planned {plan.Units.Count} unit(s); {plan.Skipped.Count} partition(s) skipped; {plan.OutOfRange} outside the date range",
            ("units", plan.Units.Count), ("skipped", plan.Skipped.Count), ("out_of_range", plan.OutOfRange));
        foreach (var skipped in plan.Skipped)
            Write("warn", $"skipping {skipped.Relation}: {skipped.Reason}", ("partition", skipped.Relation.ToString()), ("reason", skipped.Reason));
    }

    public void UnitStarted(WorkUnit unit) =>
        Write("info", $"{unit.Source}: started → {unit.Key}", ("partition", unit.Source.ToString()), ("key", unit.Key));

    public void StageChanged(WorkUnit unit, UnitStage stage)
    {
        if (!debug)
            return;
        var now = clock.GetTimestamp();
        var name = stage.ToString().ToLowerInvariant();
        if (_stages.TryGetValue(unit, out var previous))
        {
            var seconds = Math.Round(clock.GetElapsedTime(previous.Since, now).TotalSeconds, 3);
            Write("debug", $"{unit.Source}: {name} ({previous.Stage} took {seconds:F3} s)", ("partition", unit.Source.ToString()), ("stage", name),
                ("previous_stage", previous.Stage), ("previous_s", seconds));
        }
        else
        {
            Write("debug", $"{unit.Source}: {name}", ("partition", unit.Source.ToString()), ("stage", name));
        }
        _stages[unit] = (name, now);
    }

    public void RowsExpected(WorkUnit unit, long rows, bool estimated)
    {
        if (debug)
            Write("debug", $"{unit.Source}: {(estimated ? "about " : "")}{rows} rows expected", ("partition", unit.Source.ToString()), ("expected_rows", rows), ("estimated", estimated));
    }

    public void RowsDone(WorkUnit unit, long rows, long bytesOut)
    {
        if (debug)
            Write("debug", $"{unit.Source}: {rows} rows, {bytesOut} bytes written", ("partition", unit.Source.ToString()), ("rows", rows), ("bytes", bytesOut));
    }

    public void Retrying(WorkUnit unit, int attempt, TimeSpan delay, Exception cause)
    {
        Write("warn", $"{unit.Source}: attempt {attempt} failed ({cause.Message}); retrying in {delay.TotalSeconds:F1} s",
            ("partition", unit.Source.ToString()), ("attempt", attempt), ("delay_s", Math.Round(delay.TotalSeconds, 1)), ("cause", cause.Message));
        if (debug)
            Write("debug", $"{unit.Source}: attempt {attempt} failed with {Chain(cause)}", ("partition", unit.Source.ToString()), ("cause_chain", Chain(cause)));
    }

    public void UnitFinished(UnitResult result)
    {
        var unit = result.Unit;
        _stages.TryRemove(unit, out _);
        var (level, text) = result.Outcome switch
        {
            UnitOutcome.Archived => ("info", $"{unit.Source}: archived {result.Rows} rows, {result.BytesOut} bytes → {unit.Key}"),
            UnitOutcome.Skipped => ("info", $"{unit.Source}: already stored, skipped ({unit.Key})"),
            UnitOutcome.Empty => ("info", $"{unit.Source}: empty, no object written ({unit.Key})"),
            UnitOutcome.WouldArchive => ("info", $"{unit.Source}: would upload {result.Rows} rows, {result.BytesOut} bytes → {unit.Key} (dry run)"),
            _ => ("error", $"{unit.Source}: failed: {result.Error}"),
        };
        Write(level, text, ("partition", unit.Source.ToString()), ("key", unit.Key), ("outcome", result.Outcome.ToString().ToLowerInvariant()),
            ("rows", result.Rows), ("bytes", result.BytesOut), ("seconds", Math.Round(result.Elapsed.TotalSeconds, 3)), ("error", result.Error));
    }

    public void Debug(string message)
    {
        if (debug)
            Write("debug", message);
    }

    public void Warning(string message) => Write("warn", message);

    /// <summary>The exception and its inner exceptions, type and message each: what a retry cause really was.</summary>
    private static string Chain(Exception error)
    {
        var links = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
            links.Add($"{e.GetType().Name}: {e.Message}");
        return string.Join(" <- ", links);
    }

    private void Write(string level, string message, params (string Key, object? Value)[] fields)
    {
        var line = LogLine.Format(format, clock.GetUtcNow(), level, message, fields);
        lock (_gate)
            error.WriteLine(line);
    }
}
