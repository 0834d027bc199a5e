namespace DataArchiver.Core.Configuration;

/// <summary>A usage or configuration problem: the message is one line naming it (exit code 2).</summary>
public sealed class ConfigurationException(string message) : Exception(message);
