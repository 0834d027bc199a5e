using DataArchiver.Core.Configuration;
using DataArchiver.Core.Storage;
using DataArchiver.Storage.Local;
using DataArchiver.Storage.S3;

namespace DataArchiver.Cli;

/// <summary>Builds the store a command's settings name, for every command.</summary>
internal static class ObjectStores
{
    /// <summary>A local directory when <paramref name="localDirectory"/> is set, else the S3 bucket of <paramref name="s3"/>.</summary>
    public static IObjectStore Create(S3Settings? s3, string? localDirectory, Action<string> warn) =>
        localDirectory is not null
            ? new LocalDirectoryStore(localDirectory)
            : new S3ObjectStore(s3 ?? throw new ConfigurationException("--s3-bucket or --local-dir is required"), warn);
}
