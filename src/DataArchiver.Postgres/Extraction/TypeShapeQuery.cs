using DataArchiver.Core.PostgresTypes;
using Npgsql;
using NpgsqlTypes;

namespace DataArchiver.Postgres.Extraction;

/// <summary>
/// Reads the structure of types read as output text from the catalog: domains resolve to their base type, true arrays
/// to their element, composites to their live attributes. One instance caches per session.
/// </summary>
internal sealed class TypeShapeQuery(NpgsqlConnection connection)
{
    private const int MaxDepth = 32;

    private const string TypeSql = """
        SELECT t.typtype, t.typbasetype, t.typelem, t.typrelid, t.typdelim,
               t.typsubscript OPERATOR(pg_catalog.=) 'pg_catalog.array_subscript_handler'::pg_catalog.regproc
        FROM pg_catalog.pg_type t
        WHERE t.oid OPERATOR(pg_catalog.=) $1
        """;

    private const string AttributesSql = """
        SELECT a.attname, a.atttypid
        FROM pg_catalog.pg_attribute a
        WHERE a.attrelid OPERATOR(pg_catalog.=) $1 AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped
        ORDER BY a.attnum
        """;

    private readonly Dictionary<uint, TypeShape> _shapes = [];

    /// <summary>The shape of the type <paramref name="oid"/>.</summary>
    public Task<TypeShape> ResolveAsync(uint oid, CancellationToken cancellationToken) => ResolveAsync(oid, 0, cancellationToken);

    private async Task<TypeShape> ResolveAsync(uint oid, int depth, CancellationToken cancellationToken)
    {
        if (_shapes.TryGetValue(oid, out var known))
            return known;
        if (depth > MaxDepth)
            throw new InvalidDataException($"the type {oid} nests more than {MaxDepth} levels deep");
        char kind, delimiter;
        uint baseType, element, relation;
        bool isArray;
        await using (var command = Command(TypeSql, oid))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
                throw new InvalidDataException($"the type {oid} no longer exists");
            (kind, baseType, element, relation, delimiter, isArray) = (reader.GetChar(0), reader.GetFieldValue<uint>(1),
                reader.GetFieldValue<uint>(2), reader.GetFieldValue<uint>(3), reader.GetChar(4), reader.GetBoolean(5));
        }
        var shape = kind == 'd' ? await ResolveAsync(baseType, depth + 1, cancellationToken)
            : isArray ? TypeShape.Array(oid, await ResolveAsync(element, depth + 1, cancellationToken))
            : kind == 'c' ? TypeShape.Composite(oid, await AttributesAsync(relation, depth, cancellationToken), delimiter)
            : TypeShape.Scalar(oid, delimiter);
        _shapes[oid] = shape;
        return shape;
    }

    private async Task<IReadOnlyList<TypeShapeAttribute>> AttributesAsync(uint relation, int depth, CancellationToken cancellationToken)
    {
        var named = new List<(string Name, uint Type)>();
        await using (var command = Command(AttributesSql, relation))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                named.Add((reader.GetString(0), reader.GetFieldValue<uint>(1)));
        }
        var attributes = new List<TypeShapeAttribute>(named.Count);
        foreach (var (name, type) in named)
            attributes.Add(new TypeShapeAttribute(name, await ResolveAsync(type, depth + 1, cancellationToken)));
        return attributes;
    }

    private NpgsqlCommand Command(string sql, uint oid)
    {
        // CA2100: sql is one of the two constant statements above; the OID goes in as a parameter.
#pragma warning disable CA2100
        var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        command.Parameters.Add(new NpgsqlParameter { Value = oid, NpgsqlDbType = NpgsqlDbType.Oid });
        return command;
    }
}
