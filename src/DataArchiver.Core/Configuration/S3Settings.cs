namespace DataArchiver.Core.Configuration;

/// <summary>Where and how to reach the S3-compatible store.</summary>
public sealed record S3Settings
{
    /// <summary>Endpoint URL; <c>null</c> means AWS itself.</summary>
    public string? Endpoint { get; init; }
    /// <summary>Bucket name.</summary>
    public required string Bucket { get; init; }
    /// <summary>Access key id.</summary>
    public string? AccessKey { get; init; }
    /// <summary>Secret key; never logged.</summary>
    public string? SecretKey { get; init; }
    /// <summary>Region; <c>auto</c> signs as us-east-1.</summary>
    public required string Region { get; init; }
    /// <summary>Files of at least this many bytes are sent as multipart uploads.</summary>
    public long MultipartThreshold { get; init; } = Defaults.MultipartThreshold;
    /// <summary>The part size of multipart uploads; <c>null</c> picks one so that at most 10,000 parts (S3's limit) are needed.</summary>
    public long? MultipartPartSize { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"s3://{Bucket}" + (Endpoint is null ? "" : $" at {Endpoint}");
}
