using DataArchiver.Core.Configuration;

namespace DataArchiver.Cli.Configuration;

/// <summary>Builds <see cref="S3Settings"/> from merged settings, for every command that talks to S3.</summary>
internal static class S3SettingsBinder
{
    /// <summary>S3's smallest part (except the last) and its largest single PUT and part.</summary>
    private const long MinPart = 5L << 20, MaxPart = 5L << 30;

    /// <summary>The S3 settings; the multipart sizes are read only when <paramref name="uploads"/> is set.</summary>
    public static S3Settings Bind(SettingReader reader, bool uploads)
    {
        var endpoint = reader.Text(SettingKeys.S3Endpoint);
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            throw SettingReader.Invalid(SettingKeys.S3Endpoint, reader.Get(SettingKeys.S3Endpoint)!.Value, "must be an http:// or https:// URL");
        var settings = new S3Settings
        {
            Endpoint = endpoint,
            Bucket = reader.Required(SettingKeys.S3Bucket),
            AccessKey = reader.Required(SettingKeys.S3AccessKey),
            SecretKey = reader.RequiredSecret(SettingKeys.S3SecretKey),
            Region = reader.Required(SettingKeys.S3Region),
        };
        if (!uploads)
            return settings;
        return settings with
        {
            MultipartThreshold = reader.Size(SettingKeys.MultipartThreshold, MinPart, MaxPart) ?? settings.MultipartThreshold,
            MultipartPartSize = reader.Size(SettingKeys.MultipartPartSize, MinPart, MaxPart),
        };
    }
}
