using System.Reflection;
using DataArchiver.Cli;
using DataArchiver.Core.Formats;
using DataArchiver.Postgres;
using DataArchiver.Storage.Local;

namespace DataArchiver.Tests.Architecture;

/// <summary>
/// Dependencies point inward (Cli → Postgres, Storage → Core), Core carries no network package, and the two seams —
/// extraction (archive) and loading (restore) — do not know each other; the wire types know neither.
/// </summary>
public sealed class DependencyDirectionTests
{
    private static readonly Assembly Core = typeof(IFileFormat).Assembly;
    private static readonly Assembly Postgres = typeof(PostgresConnector).Assembly;
    private static readonly Assembly Storage = typeof(LocalDirectoryStore).Assembly;
    private static readonly Assembly Cli = typeof(ExitCodes).Assembly;

    private static readonly string[] NetworkPackages = ["Npgsql", "AWSSDK", "System.Net.Http", "Microsoft.AspNetCore"];

    [Fact]
    public void Core_ReferencesNoOtherProjectAndNoNetworkPackage()
    {
        var references = References(Core);

        Assert.DoesNotContain(references, name => name.StartsWith("DataArchiver.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name == "data-archiver");
        Assert.DoesNotContain(references, name => NetworkPackages.Any(package => name.StartsWith(package, StringComparison.Ordinal)));
    }

    [Fact]
    public void PostgresAndStorage_ReferenceOnlyCore_AndNotEachOthersPackages()
    {
        var postgres = References(Postgres);
        var storage = References(Storage);

        Assert.Equal(["DataArchiver.Core"], postgres.Where(name => name.StartsWith("DataArchiver.", StringComparison.Ordinal) || name == "data-archiver"));
        Assert.Equal(["DataArchiver.Core"], storage.Where(name => name.StartsWith("DataArchiver.", StringComparison.Ordinal) || name == "data-archiver"));
        Assert.DoesNotContain(postgres, name => name.StartsWith("AWSSDK", StringComparison.Ordinal));
        Assert.DoesNotContain(storage, name => name.StartsWith("Npgsql", StringComparison.Ordinal));
    }

    [Fact]
    public void Cli_ComposesAllThree() =>
        Assert.Superset(new HashSet<string> { "DataArchiver.Core", "DataArchiver.Postgres", "DataArchiver.Storage" }, References(Cli).ToHashSet());

    [Theory]
    [InlineData("DataArchiver.Core.Extraction", "DataArchiver.Core.Loading")]
    [InlineData("DataArchiver.Core.Loading", "DataArchiver.Core.Extraction")]
    [InlineData("DataArchiver.Core.PostgresTypes", "DataArchiver.Core.Extraction")]
    [InlineData("DataArchiver.Core.PostgresTypes", "DataArchiver.Core.Loading")]
    [InlineData("DataArchiver.Core.PostgresTypes", "DataArchiver.Core.Formats")]
    [InlineData("DataArchiver.Postgres.Extraction", "DataArchiver.Core.Loading")]
    public void Namespace_DoesNotUseTheOther_InSignaturesOrSource(string from, string forbidden)
    {
        var assembly = from.StartsWith("DataArchiver.Postgres", StringComparison.Ordinal) ? Postgres : Core;
        var types = assembly.GetTypes().Where(type => InNamespace(type, from)).ToList();
        Assert.NotEmpty(types);

        var used = types.SelectMany(SignatureTypes).Where(type => InNamespace(type, forbidden)).Select(type => type.FullName).Distinct().ToList();
        Assert.Empty(used);

        var folder = Path.Combine(RepositoryRoot(), "src", from.StartsWith("DataArchiver.Postgres", StringComparison.Ordinal) ? "DataArchiver.Postgres" : "DataArchiver.Core",
            from.Split('.')[^1]);
        var mentions = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains(forbidden, StringComparison.Ordinal)).ToList();
        Assert.Empty(mentions);
    }

    private static List<string> References(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(name => name.Name!).Order(StringComparer.Ordinal)];

    private static bool InNamespace(Type type, string ns) =>
        type.Namespace is { } name && (name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal));

    /// <summary>Every type a type names in its base types, interfaces, fields, properties, methods and constructors.</summary>
    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        IEnumerable<Type> named = [.. type.GetInterfaces()];
        if (type.BaseType is { } baseType)
            named = named.Append(baseType);
        named = named.Concat(type.GetFields(all).Select(field => field.FieldType));
        named = named.Concat(type.GetProperties(all).Select(property => property.PropertyType));
        named = named.Concat(type.GetMethods(all).SelectMany(method => method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType)));
        named = named.Concat(type.GetConstructors(all).SelectMany(constructor => constructor.GetParameters().Select(p => p.ParameterType)));
        return named.SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
            return Unwrap(type.GetElementType()!);
        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap).Append(type) : [type];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataArchiver.slnx")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("the repository root (DataArchiver.slnx) was not found");
    }
}
