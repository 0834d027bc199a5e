namespace DataArchiver.Core.Configuration;

/// <summary>How log lines are written when no live display is shown.</summary>
public enum LogFormat
{
    /// <summary>Plain human-readable lines.</summary>
    Text,
    /// <summary><c>key=value</c> pairs.</summary>
    Logfmt,
    /// <summary>One JSON object per line.</summary>
    Json,
}
