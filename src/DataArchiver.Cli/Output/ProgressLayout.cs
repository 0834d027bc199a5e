using System.Globalization;
using System.Text;
using Spectre.Console;

namespace DataArchiver.Cli.Output;

/// <summary>
/// Lays out the live display as lines of Spectre markup that always fit the terminal: an overall line (bar, percent,
/// units done of total, rows, bytes, elapsed, ETA) and one aligned line per active worker (partition, stage, bar,
/// percent, rows done of expected, rows/s, bytes). When the width runs short, the least useful columns go first
/// (workers: bar, percent, bytes, rows/s; overall: elapsed, title, bytes, rows), then the name is shortened, so a
/// line never wraps. Workers beyond the terminal's height are summarised in one line.
/// </summary>
internal static class ProgressLayout
{
    private const int MaxBar = 30;
    private const int MinBar = 8;
    private const string Gap = "  ";
    private const string Indent = "  ";

    /// <summary>The lines for a terminal of <paramref name="width"/> × <paramref name="height"/> cells.</summary>
    public static IReadOnlyList<string> Render(OverallView overall, IReadOnlyList<WorkerView> workers, int width, int height, bool unicode)
    {
        width = Math.Max(20, width);
        var lines = new List<string> { OverallLine(overall, width, unicode) };
        // One line for the overall bar, one kept free so the display never makes the terminal scroll.
        var room = Math.Max(1, height - 2);
        var shown = workers.Count <= room ? workers : workers.Take(Math.Max(0, room - 1)).ToList();
        if (shown.Count > 0)
            lines.AddRange(WorkerLines(shown, width, unicode));
        if (shown.Count < workers.Count)
            lines.Add(Markup.Escape(Truncate($"{Indent}… and {workers.Count - shown.Count} more", width)));
        return lines;
    }

    /// <summary>A duration as m:ss or h:mm:ss.</summary>
    public static string Clock(TimeSpan time) => time.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{time.Minutes}:{time.Seconds:00}");

    private static string OverallLine(OverallView view, int width, bool unicode)
    {
        if (view.Total is not { } total)
            return Layout("", width, unicode, barBefore: null, [],
                [Column("title", $"archiving {view.Table}", "bold"), Column("planning", "planning…", "grey"), Column("elapsed", Clock(view.Elapsed), "grey")],
                drop: ["elapsed"], shorten: "title")[0];
        var columns = new List<Col>
        {
            Column("title", $"archiving {view.Table}", "bold"),
            Column("pct", Percent(view.Fraction), null, right: true),
            Column("units", $"{view.Done}/{total} units", null),
        };
        if (view.Failed > 0)
            columns.Add(Column("failed", $"{view.Failed} failed", "red"));
        columns.Add(Column("rows", $"{view.Rows:N0} rows", null));
        columns.Add(Column("bytes", SummaryPrinter.Bytes(view.Bytes), null));
        columns.Add(Column("elapsed", Clock(view.Elapsed), "grey"));
        columns.Add(Column("eta", view.Remaining is { } left ? $"ETA {Clock(left)}" : "ETA -:--", "cyan"));
        return Layout("", width, unicode, barBefore: "pct", [view.Fraction], columns,
            drop: ["elapsed", "title", "bytes", "rows", "bar", "failed", "eta"], shorten: "units")[0];
    }

    private static List<string> WorkerLines(IReadOnlyList<WorkerView> workers, int width, bool unicode)
    {
        var fractions = workers.Select(w => w.Expected is > 0 ? Math.Clamp((double)w.Rows / w.Expected.Value, 0, 1) : (double?)null).ToList();
        var columns = new List<Col>
        {
            new("name", [.. workers.Select(w => w.Name)], [.. workers.Select(_ => (string?)null)], Right: false),
            new("stage", [.. workers.Select(w => w.Stage)], [.. workers.Select(w => StageStyle(w.Stage))], Right: false),
            new("pct", [.. fractions.Select(f => f is { } value ? Percent(value) : "")], [.. workers.Select(_ => (string?)null)], Right: true),
            new("rows", [.. workers.Select(RowsText)], [.. workers.Select(_ => (string?)null)], Right: true),
            new("rate", [.. workers.Select(w => w.RowsPerSecond is { } rate ? $"{rate:N0}/s" : "")], [.. workers.Select(_ => (string?)"grey")], Right: true),
            new("bytes", [.. workers.Select(w => SummaryPrinter.Bytes(w.Bytes))], [.. workers.Select(_ => (string?)null)], Right: true),
        };
        // Narrower still, the line is cropped at the width: name, stage and the start of the rows stay visible.
        return Layout(Indent, width, unicode, barBefore: "pct", fractions, columns, drop: ["bar", "pct", "bytes", "rate"], shorten: "name");
    }

    private static string RowsText(WorkerView worker) => worker.Expected is > 0
        ? $"{worker.Rows:N0}/{(worker.Estimated ? "~" : "")}{worker.Expected:N0} rows"
        : $"{worker.Rows:N0} rows";

    private static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(fraction * 100):0}%");

    private static string? StageStyle(string stage) => stage switch
    {
        "extracting" => "cyan",
        "uploading" => "blue",
        "verifying" => "green",
        "retrying" => "yellow",
        _ => "grey",
    };

    private sealed record Col(string Name, IReadOnlyList<string> Texts, IReadOnlyList<string?> Styles, bool Right)
    {
        public int Width => Texts.Count == 0 ? 0 : Texts.Max(t => t.Length);
    }

    private static Col Column(string name, string text, string? style, bool right = false) => new(name, [text], [style], right);

    /// <summary>Chooses the columns and bar width that fit, then renders every row.</summary>
    private static List<string> Layout(string indent, int width, bool unicode, string? barBefore, IReadOnlyList<double?> bar, List<Col> columns,
        string[] drop, string shorten)
    {
        var hasBar = barBefore is not null && bar.Any(f => f is not null);
        int Fixed() => indent.Length + columns.Sum(c => c.Width) + Gap.Length * (columns.Count - 1 + (hasBar ? 1 : 0));
        int BarWidth() => Math.Min(MaxBar, width - Fixed());

        foreach (var name in drop)
        {
            if (Fixed() + (hasBar ? MinBar : 0) <= width)
                break;
            if (name == "bar")
                hasBar = false;
            else
                columns.RemoveAll(c => c.Name == name);
        }
        if (hasBar && BarWidth() < MinBar)
            hasBar = false;
        var overflow = Fixed() + (hasBar ? MinBar : 0) - width;
        if (overflow > 0 && columns.FindIndex(c => c.Name == shorten) is var index and >= 0)
        {
            var target = Math.Max(4, columns[index].Width - overflow);
            columns[index] = columns[index] with { Texts = [.. columns[index].Texts.Select(t => Truncate(t, target))] };
        }

        var barWidth = hasBar ? Math.Max(MinBar, BarWidth()) : 0;
        var barAt = columns.FindIndex(c => c.Name == barBefore) is var at and >= 0 ? at : columns.Count;
        var rows = columns.Count == 0 ? 0 : columns[0].Texts.Count;
        var lines = new List<string>(rows);
        for (var row = 0; row < rows; row++)
        {
            var line = new LineBuilder(indent, width);
            for (var i = 0; i <= columns.Count; i++)
            {
                if (hasBar && i == barAt)
                    line.AddBar(bar[row], barWidth, unicode);
                if (i == columns.Count)
                    break;
                var column = columns[i];
                line.Add(column.Right ? column.Texts[row].PadLeft(column.Width) : column.Texts[row].PadRight(column.Width), column.Styles[row]);
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>Joins cells with gaps and, as a last resort on a very narrow terminal, crops the line at the width.</summary>
    private sealed class LineBuilder(string indent, int width)
    {
        private readonly StringBuilder _markup = new(Markup.Escape(indent));
        private int _used = indent.Length;
        private bool _full;

        public void Add(string text, string? style)
        {
            if (!Reserve(text.Length, out var room))
                return;
            var shown = Markup.Escape(text.Length <= room ? text : Truncate(text, room));
            _markup.Append(style is null ? shown : $"[{style}]{shown}[/]");
        }

        public void AddBar(double? fraction, int barWidth, bool unicode)
        {
            if (Reserve(barWidth, out var room))
                _markup.Append(Bar(fraction, Math.Min(barWidth, room), unicode));
        }

        public override string ToString() => _markup.ToString();

        private bool Reserve(int length, out int room)
        {
            room = 0;
            var gap = _used > indent.Length ? Gap.Length : 0;
            if (_full || _used + gap >= width)
            {
                _full = true;
                return false;
            }
            _markup.Append(' ', gap);
            room = width - _used - gap;
            _used += gap + Math.Min(length, room);
            _full = _used >= width;
            return true;
        }
    }

    private static string Bar(double? fraction, int width, bool unicode)
    {
        if (fraction is not { } value)
            return new string(' ', width);
        var filled = (int)Math.Round(Math.Clamp(value, 0, 1) * width);
        var done = new StringBuilder().Append(unicode ? '━' : '#', filled).ToString();
        var left = new StringBuilder().Append(unicode ? '━' : '-', width - filled).ToString();
        return (filled > 0 ? $"[green]{done}[/]" : "") + (filled < width ? $"[grey]{left}[/]" : "");
    }

    private static string Truncate(string text, int width) =>
        text.Length <= width ? text : width <= 1 ? text[..Math.Max(0, width)] : text[..(width - 1)] + "…";
}
