using System.Globalization;
using System.Text;

namespace DataArchiver.Postgres.Session;

/// <summary>
/// The settings every session of the tool starts with. They go into the connection's startup packet, which outranks
/// every default a database or role carries (<c>ALTER DATABASE … SET</c>, <c>ALTER ROLE … SET</c>) and survives
/// <c>RESET ALL</c>, so nothing the database's users configure changes what a statement means or prints.
/// </summary>
/// <remarks>
/// <c>lc_monetary</c> is left alone on purpose: it says which currency <c>money</c> values are in, so the database's
/// own default is the right one. <c>statement_timeout</c> is always set, to 0 when none is configured.
/// </remarks>
internal static class SessionSettings
{
    /// <summary>The pinned settings and why each matters.</summary>
    public static IReadOnlyList<(string Name, string Value)> Pinned { get; } =
    [
        // Only built-in functions, operators and types resolve; user tables are always schema-qualified and quoted.
        ("search_path", "pg_catalog"),
        // Output of date/time and interval types, and how pg_get_expr prints partition bounds we parse.
        ("DateStyle", "ISO,MDY"),
        ("IntervalStyle", "postgres"),
        ("TimeZone", "UTC"),
        // float4/float8 print their shortest exact digits.
        ("extra_float_digits", "1"),
        ("bytea_output", "hex"),
        // A row-level security policy makes a read fail instead of silently leaving rows out.
        ("row_security", "off"),
        // format_type and pg_get_expr quote only where needed, so type names and the schema hash stay stable.
        ("quote_all_identifiers", "off"),
        // How xml values are parsed and serialized.
        ("xmloption", "content"),
        // Backslashes in the literals we send are plain characters.
        ("standard_conforming_strings", "on"),
    ];

    /// <summary>The startup options string: <c>-c name=value</c> per setting, spaces escaped with a backslash.</summary>
    public static string StartupOptions(TimeSpan statementTimeout)
    {
        var options = new StringBuilder();
        var timeout = ((long)statementTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in Pinned.Append(("statement_timeout", timeout)))
        {
            if (options.Length > 0)
                options.Append(' ');
            options.Append("-c ").Append(name).Append('=').Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(" ", "\\ ", StringComparison.Ordinal));
        }
        return options.ToString();
    }
}
