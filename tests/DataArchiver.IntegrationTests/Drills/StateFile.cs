using System.Text.Json.Nodes;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>Reads the tool's state file from a state directory, as another program would.</summary>
internal static class StateFile
{
    /// <summary>The one state file of an <c>archive</c> scope in <paramref name="directory"/>, or null when there is none yet.</summary>
    public static string? PathIn(string directory) =>
        Directory.EnumerateFiles(directory, "archive-*.json").SingleOrDefault();

    /// <summary>The <c>objects</c> of the state file (key → record), or an empty object when there is no file.</summary>
    public static JsonObject Objects(string directory)
    {
        if (PathIn(directory) is not { } path)
            return [];
        // The tool replaces the file by rename, so a read sees either the old or the new file whole.
        var document = JsonNode.Parse(File.ReadAllText(path))!;
        return document["objects"]?.AsObject() ?? [];
    }

    /// <summary>Keys recorded as stored (with an MD5).</summary>
    public static List<string> StoredKeys(string directory) =>
        Objects(directory).Where(p => p.Value?["md5"] is not null).Select(p => p.Key).ToList();

    /// <summary>The last error recorded for <paramref name="key"/>, if any.</summary>
    public static string? LastError(string directory, string key) => (string?)Objects(directory)[key]?["last_error"];
}
