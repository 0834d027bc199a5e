namespace DataArchiver.Tests.Storage;

/// <summary>One request as <see cref="RecordingS3Server"/> received it.</summary>
public sealed record RecordedRequest(string Method, string Url, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    public bool HasQuery(string name) =>
        Url.Contains('?' + name, StringComparison.Ordinal) || Url.Contains('&' + name, StringComparison.Ordinal);
}
