namespace DataArchiver.Viewer.Sources;

/// <summary>One unit in progress in <c>current_task.json</c>.</summary>
internal sealed class TaskFileUnit
{
    /// <summary>The partition read.</summary>
    public string Partition { get; set; } = "";
    /// <summary>The object key.</summary>
    public string Key { get; set; } = "";
    /// <summary>The stage.</summary>
    public string Stage { get; set; } = "";
    /// <summary>Rows read so far.</summary>
    public long Rows { get; set; }
    /// <summary>Rows expected, once known.</summary>
    public long? ExpectedRows { get; set; }
}
