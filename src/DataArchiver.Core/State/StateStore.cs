using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataArchiver.Core.Pipeline;

namespace DataArchiver.Core.State;

/// <summary>
/// The state file of one scope (command + table + destination): which keys are safely stored, which units were
/// empty, cached row counts. Every change is written atomically (temp file, fsync, rename); a file that cannot be
/// read is set aside and rebuilt rather than failing the run. Safe for concurrent workers.
/// </summary>
public sealed class StateStore
{
    private readonly Lock _gate = new();
    private readonly StateDocument _document;

    private StateStore(string path, StateDocument document)
    {
        Path = path;
        _document = document;
    }

    /// <summary>The state file.</summary>
    public string Path { get; }

    /// <summary>The file name for a scope: readable stem plus a hash of the full scope.</summary>
    public static string FileNameFor(string command, string table, string destination)
    {
        var scope = $"{command}\n{table}\n{destination}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..12];
        var stem = string.Concat($"{command}-{table}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_'));
        return $"{stem}-{hash}.json";
    }

    /// <summary>
    /// Opens (or starts) the state of a scope in <paramref name="directory"/>. A corrupt or foreign file is renamed to
    /// <c>*.corrupt-&lt;time&gt;</c> (time from <paramref name="clock"/>) and <paramref name="warn"/> is told; the run goes
    /// on with an empty state.
    /// </summary>
    public static StateStore Open(string directory, string command, string table, string destination, TimeProvider clock, Action<string> warn)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, FileNameFor(command, table, destination));
        var scope = $"{command} {table} → {destination}";
        if (!File.Exists(path))
            return new StateStore(path, new StateDocument { Scope = scope });
        try
        {
            var document = JsonSerializer.Deserialize(File.ReadAllBytes(path), StateJsonContext.Default.StateDocument)
                ?? throw new JsonException("the file is empty");
            if (document.Version != StateDocument.CurrentVersion)
                throw new JsonException($"unknown state version {document.Version}");
            document.Objects = new Dictionary<string, ObjectRecord>(document.Objects ?? [], StringComparer.Ordinal);
            document.Counts = new Dictionary<string, RowCountRecord>(document.Counts ?? [], StringComparer.Ordinal);
            document.Scope = scope;
            return new StateStore(path, document);
        }
        catch (Exception error) when (error is JsonException or NotSupportedException or ArgumentException)
        {
            var aside = $"{path}.corrupt-{clock.GetUtcNow().UtcDateTime:yyyyMMddTHHmmssZ}";
            File.Move(path, aside, overwrite: true);
            warn($"state file {path} could not be read ({error.Message}); set aside as {aside} and rebuilt");
            return new StateStore(path, new StateDocument { Scope = scope });
        }
    }

    /// <summary>The record of <paramref name="key"/>, if any.</summary>
    public ObjectRecord? Get(string key)
    {
        lock (_gate)
            return _document.Objects.GetValueOrDefault(key);
    }

    /// <summary>Records <paramref name="key"/> and writes the file.</summary>
    public void Set(string key, ObjectRecord record)
    {
        lock (_gate)
        {
            _document.Objects[key] = record;
            Save();
        }
    }

    /// <summary>A cached row count younger than <paramref name="maxAge"/>, if any.</summary>
    public long? GetCount(string source, TimeSpan maxAge, DateTimeOffset now)
    {
        lock (_gate)
            return _document.Counts.TryGetValue(source, out var count) && now - count.CountedAt < maxAge ? count.Rows : null;
    }

    /// <summary>Caches a row count and writes the file.</summary>
    public void SetCount(string source, long rows, DateTimeOffset now)
    {
        lock (_gate)
        {
            _document.Counts[source] = new RowCountRecord(rows, now);
            Save();
        }
    }

    private void Save() => AtomicFile.Write(Path, stream => JsonSerializer.Serialize(stream, _document, StateJsonContext.Default.StateDocument));
}
