namespace DataArchiver.Cli.Configuration;

/// <summary>The text of one setting and where it came from, so a complaint can point at the right place.</summary>
/// <param name="Text">The value as given.</param>
/// <param name="Source">The kind of source.</param>
/// <param name="Origin">The source in words: <c>ARCHIVE_WORKERS</c>, <c>workers in /etc/a.yaml line 7</c>, …</param>
internal readonly record struct SettingValue(string Text, SettingSource Source, string Origin)
{
    /// <summary>Appended to messages about this value: empty for flags (the message already names the flag).</summary>
    public string OriginSuffix => Source == SettingSource.Flag ? "" : $" (from {Origin})";
}
