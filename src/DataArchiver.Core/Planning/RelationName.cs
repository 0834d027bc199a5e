namespace DataArchiver.Core.Planning;

/// <summary>A schema-qualified table name.</summary>
public sealed record RelationName(string Schema, string Name)
{
    /// <summary>The name quoted for use in SQL text.</summary>
    public string Quoted => QuoteIdentifier(Schema) + "." + QuoteIdentifier(Name);

    /// <summary>Quotes one identifier, doubling embedded quotes.</summary>
    public static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <inheritdoc />
    public override string ToString() => Schema + "." + Name;
}
