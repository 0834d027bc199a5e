using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Formats;
using DataArchiver.Core.Planning;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Core.Pipeline;

/// <summary>The user metadata stored with every object, so an object describes itself without the state file.</summary>
public static class ObjectMetadata
{
    /// <summary>Metadata key of the hex MD5 of the object's bytes.</summary>
    public const string Md5 = "md5";
    /// <summary>Metadata key of the row count.</summary>
    public const string Rows = "rows";

    /// <summary>The version of this tool, as stored in metadata and shown by <c>--version</c>.</summary>
    public static string ToolVersion { get; } =
        typeof(ObjectMetadata).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Builds the metadata map for one archived unit.</summary>
    public static Dictionary<string, string> Build(WorkUnit unit, FormatOptions encoding, IReadOnlyList<ColumnInfo> columns, byte[] md5, long rows) => new()
    {
        [Md5] = Convert.ToHexStringLower(md5),
        [Rows] = rows.ToString(CultureInfo.InvariantCulture),
        ["source"] = unit.Source.ToString(),
        ["format"] = encoding.Format.ToString().ToLowerInvariant(),
        ["codec"] = encoding.Codec.ToString().ToLowerInvariant(),
        ["schema-hash"] = SchemaHash(columns),
        ["tool"] = "data-archiver/" + ToolVersion,
    };

    /// <summary>A short hash of the column names and types, to notice when a table's shape changed.</summary>
    public static string SchemaHash(IReadOnlyList<ColumnInfo> columns)
    {
        var text = string.Join('\n', columns.Select(c => c.Name + " " + c.TypeName + (c.NotNull ? " not null" : "")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
