namespace DataArchiver.Cli;

/// <summary>
/// Remembers the secrets of a run (passwords, secret keys) and blanks them out of any text about to be printed,
/// so not even a mistyped command line (<c>--db-pasword s3cret</c>) echoes one back in an error.
/// </summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);

    /// <summary>Remembers <paramref name="secret"/> when it is not empty.</summary>
    public void Add(string? secret)
    {
        if (!string.IsNullOrEmpty(secret))
            _secrets.Add(secret);
    }

    /// <summary>Remembers the value following any of <paramref name="secretFlags"/> in <paramref name="args"/>, or attached with <c>=</c> or <c>:</c>.</summary>
    public void AddFromArguments(IReadOnlyList<string> args, IEnumerable<string> secretFlags)
    {
        foreach (var flag in secretFlags)
        {
            for (var i = 0; i < args.Count; i++)
            {
                if (args[i] == flag && i + 1 < args.Count)
                    Add(args[i + 1]);
                else if (args[i].StartsWith(flag, StringComparison.Ordinal) && args[i].Length > flag.Length && args[i][flag.Length] is '=' or ':')
                    Add(args[i][(flag.Length + 1)..]);
            }
        }
    }

    /// <summary>
    /// Remembers the values of unrecognised options (<c>--db-pasword=x</c>, or <c>x</c> right after <c>--db-pasword</c>):
    /// a mistyped secret flag must not have its value echoed in the usage error.
    /// </summary>
    public void AddFromUnrecognised(IReadOnlyList<string> unmatchedTokens)
    {
        for (var i = 0; i < unmatchedTokens.Count; i++)
        {
            var token = unmatchedTokens[i];
            if (!token.StartsWith('-'))
                continue;
            var separator = token.IndexOfAny(['=', ':']);
            if (separator > 0)
                Add(token[(separator + 1)..]);
            else if (i + 1 < unmatchedTokens.Count && !unmatchedTokens[i + 1].StartsWith('-'))
                Add(unmatchedTokens[i + 1]);
        }
    }

    /// <summary><paramref name="text"/> with every remembered secret replaced by <c>***</c>, longest first.</summary>
    public string Redact(string text)
    {
        foreach (var secret in _secrets.OrderByDescending(s => s.Length))
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }
}
