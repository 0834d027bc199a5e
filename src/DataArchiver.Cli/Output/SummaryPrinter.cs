using System.Globalization;
using DataArchiver.Core.Progress;

namespace DataArchiver.Cli.Output;

/// <summary>
/// Prints the closing summary of a run to stdout: counts (with the units an interruption left unfinished), failures
/// with reasons, rows, bytes before and after compression, ratio, throughput and wall time.
/// </summary>
internal static class SummaryPrinter
{
    public static void Print(RunSummary summary, TextWriter output)
    {
        var seconds = Math.Max(summary.Elapsed.TotalSeconds, 0.001);
        output.WriteLine(summary.Interrupted ? "Summary (interrupted):" : "Summary:");
        output.WriteLine($"  archived {summary.Count(UnitOutcome.Archived)}, skipped {summary.Count(UnitOutcome.Skipped)}, " +
                         $"empty {summary.Count(UnitOutcome.Empty)}, failed {summary.Count(UnitOutcome.Failed)}" +
                         (summary.Count(UnitOutcome.WouldArchive) > 0 ? $", would archive {summary.Count(UnitOutcome.WouldArchive)}" : "") +
                         (summary.Unfinished > 0 ? $", not finished {summary.Unfinished} of {summary.Planned}" : ""));
        foreach (var failed in summary.Results.Where(r => r.Outcome == UnitOutcome.Failed))
            output.WriteLine($"  failed: {failed.Unit.Source} → {failed.Unit.Key}: {failed.Error}");
        var ratio = summary.BytesOut > 0 ? (double)summary.BytesIn / summary.BytesOut : 0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  rows {summary.Rows:N0}; bytes {Bytes(summary.BytesIn)} → {Bytes(summary.BytesOut)} (ratio {ratio:F2})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  throughput {summary.Rows / seconds:N0} rows/s, {Bytes((long)(summary.BytesIn / seconds))}/s; wall time {summary.Elapsed.TotalSeconds:F1} s"));
    }

    /// <summary>A byte count in binary units.</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? $"{bytes} B" : string.Create(CultureInfo.InvariantCulture, $"{value:F1} {units[unit]}");
    }
}
