namespace DataArchiver.Viewer.Sources;

/// <summary>The layout of <c>current_task.json</c> as the archive run writes it (snake_case on disk).</summary>
internal sealed class TaskFile
{
    /// <summary>Process id.</summary>
    public int Pid { get; set; }
    /// <summary>When the run started.</summary>
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>When the file was last written.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary><c>schema.table</c>.</summary>
    public string Table { get; set; } = "";
    /// <summary>First day, <c>YYYY-MM-DD</c>.</summary>
    public string StartDate { get; set; } = "";
    /// <summary>Last day, <c>YYYY-MM-DD</c>.</summary>
    public string EndDate { get; set; } = "";
    /// <summary>Units finished.</summary>
    public int UnitsDone { get; set; }
    /// <summary>Units failed.</summary>
    public int UnitsFailed { get; set; }
    /// <summary>Units planned.</summary>
    public int UnitsTotal { get; set; }
    /// <summary>Units in progress.</summary>
    public List<TaskFileUnit> Current { get; set; } = [];
}
