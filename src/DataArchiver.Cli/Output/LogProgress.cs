using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
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
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lock _gate = new();

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
        if (debug)
            Write("debug", $"{unit.Source}: {stage.ToString().ToLowerInvariant()}", ("partition", unit.Source.ToString()), ("stage", stage.ToString().ToLowerInvariant()));
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

    public void Retrying(WorkUnit unit, int attempt, TimeSpan delay, Exception cause) =>
        Write("warn", $"{unit.Source}: attempt {attempt} failed ({cause.Message}); retrying in {delay.TotalSeconds:F1} s",
            ("partition", unit.Source.ToString()), ("attempt", attempt), ("delay_s", Math.Round(delay.TotalSeconds, 1)), ("cause", cause.Message));

    public void UnitFinished(UnitResult result)
    {
        var unit = result.Unit;
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

    private void Write(string level, string message, params (string Key, object? Value)[] fields)
    {
        var time = clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        string line;
        switch (format)
        {
            case LogFormat.Json:
                var record = new Dictionary<string, object?> { ["time"] = time, ["level"] = level, ["msg"] = message };
                foreach (var (key, value) in fields)
                {
                    if (value is not null)
                        record[key] = value;
                }
                line = JsonSerializer.Serialize(record, JsonOptions);
                break;
            case LogFormat.Logfmt:
                var parts = new List<string> { $"time={time}", $"level={level}", $"msg={Logfmt(message)}" };
                foreach (var (key, value) in fields)
                {
                    if (value is not null)
                        parts.Add($"{key}={Logfmt(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}");
                }
                line = string.Join(' ', parts);
                break;
            default:
                line = $"{time} {level.ToUpperInvariant(),-5} {message}";
                break;
        }
        lock (_gate)
            error.WriteLine(line);
    }

    private static string Logfmt(string value) =>
        value.Length > 0 && value.AsSpan().IndexOfAny(" =\"\\") < 0
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
