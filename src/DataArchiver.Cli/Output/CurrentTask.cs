namespace DataArchiver.Cli.Output;

/// <summary>The layout of <c>current_task.json</c> (snake_case keys), written by <see cref="StatusFiles"/>.</summary>
internal sealed record CurrentTask(
    int Pid,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    string Table,
    string StartDate,
    string EndDate,
    int UnitsDone,
    int UnitsFailed,
    int UnitsTotal,
    IReadOnlyList<CurrentUnit> Current);
