using System.Globalization;
using System.Text;
using System.Text.Json;
using DataArchiver.Core.State;
using DataArchiver.Viewer.Api;

namespace DataArchiver.Viewer.Sources;

/// <summary>
/// Reads a state directory: every state file (one per table and destination) and every run status file
/// (<c>current_task.json</c>, and <c>current_task-*.json</c> where runs keep one each). A file that cannot be read
/// (being replaced, corrupt, foreign) is left out of that reading; the next one tries again. Parsed state files are
/// kept until their size or time changes.
/// </summary>
internal sealed class StateDirectory(string path)
{
    private const string TaskFilePrefix = "current_task";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Length, DateTime Written, TableCache? Table)> _parsed = new(StringComparer.Ordinal);

    /// <summary>The directory.</summary>
    public string Path { get; } = path;

    /// <summary>A text that changes whenever a state file (<c>Tables</c>) or a status file (<c>Tasks</c>) does.</summary>
    public (string Tables, string Tasks) Fingerprint()
    {
        var tables = new StringBuilder();
        var tasks = new StringBuilder();
        foreach (var file in JsonFiles())
        {
            var target = IsTaskFile(file.Name) ? tasks : tables;
            target.Append(file.Name).Append('|').Append(file.Length).Append('|').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
        }
        return (tables.ToString(), tasks.ToString());
    }

    /// <summary>The objects of every readable state file, by table name and destination.</summary>
    public IReadOnlyList<TableCache> ReadTables()
    {
        var tables = new List<TableCache>();
        lock (_gate)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in JsonFiles().Where(file => !IsTaskFile(file.Name)))
            {
                seen.Add(file.FullName);
                if (!_parsed.TryGetValue(file.FullName, out var cached) || cached.Length != file.Length || cached.Written != file.LastWriteTimeUtc)
                    _parsed[file.FullName] = cached = (file.Length, file.LastWriteTimeUtc, ParseStateFile(file.FullName));
                if (cached.Table is { } table)
                    tables.Add(table);
            }
            foreach (var gone in _parsed.Keys.Where(key => !seen.Contains(key)).ToList())
                _parsed.Remove(gone);
        }
        return tables.OrderBy(t => t.TableName, StringComparer.Ordinal).ThenBy(t => t.Destination, StringComparer.Ordinal).ToList();
    }

    /// <summary>The runs whose status files are in the directory, except the process <paramref name="exceptPid"/>.</summary>
    public IReadOnlyList<RunInfo> ReadRuns(int exceptPid)
    {
        var runs = new List<RunInfo>();
        foreach (var file in JsonFiles().Where(file => IsTaskFile(file.Name)))
        {
            if (ReadTaskFile(file.FullName) is { } task && task.Pid != exceptPid)
                runs.Add(ToRun(task));
        }
        return runs;
    }

    private IEnumerable<FileInfo> JsonFiles()
    {
        try
        {
            var directory = new DirectoryInfo(Path);
            return directory.Exists ? directory.EnumerateFiles("*.json").OrderBy(f => f.Name, StringComparer.Ordinal).ToList() : [];
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static bool IsTaskFile(string name) =>
        name == TaskFilePrefix + ".json" || name.StartsWith(TaskFilePrefix + "-", StringComparison.Ordinal);

    private static TaskFile? ReadTaskFile(string file)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(file), StateFileJson.Default.TaskFile);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static TableCache? ParseStateFile(string file)
    {
        StateDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(File.ReadAllBytes(file), StateFileJson.Default.StateDocument);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
        if (document is not { Version: StateDocument.CurrentVersion, Scope.Length: > 0, Objects: not null })
            return null;
        var (table, destination) = SplitScope(document.Scope);
        return new TableCache
        {
            TableName = table,
            Destination = destination,
            Entries = document.Objects.OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => CacheEntries.FromRecord(table, pair.Key, pair.Value)).ToList(),
        };
    }

    /// <summary>A state file's scope reads <c>command table → destination</c>.</summary>
    private static (string Table, string Destination) SplitScope(string scope)
    {
        var space = scope.IndexOf(' ', StringComparison.Ordinal);
        var rest = space >= 0 ? scope[(space + 1)..] : scope;
        var arrow = rest.IndexOf(" → ", StringComparison.Ordinal);
        return arrow >= 0 ? (rest[..arrow], rest[(arrow + 3)..]) : (rest, "");
    }

    private static RunInfo ToRun(TaskFile task) => new()
    {
        Pid = task.Pid,
        Running = ProcessProbe.IsAlive(task.Pid),
        Table = task.Table,
        StartDate = task.StartDate,
        EndDate = task.EndDate,
        StartedAt = task.StartedAt,
        UpdatedAt = task.UpdatedAt,
        UnitsTotal = task.UnitsTotal,
        UnitsDone = task.UnitsDone,
        UnitsFailed = task.UnitsFailed,
        Workers = (task.Current ?? []).Select(unit => new WorkerInfo
        {
            Partition = unit.Partition,
            Key = unit.Key,
            Stage = unit.Stage,
            Rows = unit.Rows,
            ExpectedRows = unit.ExpectedRows,
        }).ToList(),
    };

    /// <summary>For messages: the directory as given.</summary>
    public override string ToString() => Path.ToString(CultureInfo.InvariantCulture);
}
