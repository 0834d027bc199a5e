using System.Security.Cryptography;
using System.Text;

namespace DataArchiver.Viewer.Security;

/// <summary>
/// The viewer's shared secret. Candidates are compared in constant time (<see cref="CryptographicOperations.FixedTimeEquals"/>)
/// over SHA-256 digests, so neither the content nor the length of the token leaks through timing.
/// </summary>
internal sealed class ViewerToken(string token)
{
    /// <summary>The HttpOnly cookie that carries the token after the page was opened with <c>?token=</c>.</summary>
    public const string CookieName = "data_archiver_viewer";

    private readonly byte[] _digest = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Whether <paramref name="candidate"/> is the token.</summary>
    public bool Matches(string? candidate)
    {
        if (candidate is null)
            return false;
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(candidate));
        return CryptographicOperations.FixedTimeEquals(digest, _digest);
    }

    /// <summary>Never shows the token.</summary>
    public override string ToString() => "ViewerToken";
}
