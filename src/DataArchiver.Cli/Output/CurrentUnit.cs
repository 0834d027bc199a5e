namespace DataArchiver.Cli.Output;

/// <summary>One unit in progress in <c>current_task.json</c>.</summary>
internal sealed record CurrentUnit(string Partition, string Key, string Stage, long Rows, long? ExpectedRows);
