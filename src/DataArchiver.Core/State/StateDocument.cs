namespace DataArchiver.Core.State;

/// <summary>The JSON layout of a state file.</summary>
public sealed class StateDocument
{
    /// <summary>The layout version this tool writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Layout version.</summary>
    public int Version { get; set; } = CurrentVersion;
    /// <summary>What the file is about: command, table and destination.</summary>
    public string Scope { get; set; } = "";
    /// <summary>One record per object key.</summary>
    public Dictionary<string, ObjectRecord> Objects { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Cached row counts per source relation (and window).</summary>
    public Dictionary<string, RowCountRecord> Counts { get; set; } = new(StringComparer.Ordinal);
}
