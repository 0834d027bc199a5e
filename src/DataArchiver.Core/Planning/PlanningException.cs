namespace DataArchiver.Core.Planning;

/// <summary>The plan cannot be carried out as asked (reported before anything runs; exit code 2).</summary>
public sealed class PlanningException(string message) : Exception(message);
