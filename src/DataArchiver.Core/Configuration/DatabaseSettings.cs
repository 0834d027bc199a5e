namespace DataArchiver.Core.Configuration;

/// <summary>Where and how to connect to PostgreSQL.</summary>
public sealed record DatabaseSettings
{
    /// <summary>Host name or address.</summary>
    public required string Host { get; init; }
    /// <summary>TCP port.</summary>
    public required int Port { get; init; }
    /// <summary>Role to log in as.</summary>
    public required string User { get; init; }
    /// <summary>Password; never logged.</summary>
    public string? Password { get; init; }
    /// <summary>Database name.</summary>
    public required string Name { get; init; }
    /// <summary>libpq-style sslmode (disable, allow, prefer, require, verify-ca, verify-full).</summary>
    public required string SslMode { get; init; }
    /// <summary>Statement timeout for the extraction session; zero means none.</summary>
    public required TimeSpan StatementTimeout { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{User}@{Host}:{Port}/{Name}";
}
