using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace UniCode.Kit.Configuration;

/// <summary>
/// A stable name for a configuration: the SHA-256 of its canonical JSON, in lowercase hex. Artifacts that
/// several experiments share (a pre-trained language model, a trained tokenizer) are cached under it, so equal
/// settings find the same artifact in any process, on any machine, in any culture.
/// </summary>
/// <remarks>
/// The canonical JSON of a value is: for an object, <c>{"$type":"&lt;full type name&gt;", ...}</c> with its public
/// instance properties sorted by ordinal name (so two option types with the same values differ, and the order in
/// which properties are declared does not matter); for a list or array, its items in order; for a dictionary, an
/// object with its keys sorted; for a set, its items sorted by their canonical JSON; enums as their names; numbers in the invariant culture, doubles and floats in
/// their shortest round-trip form (NaN and infinities as the strings "NaN", "Infinity", "-Infinity"); strings
/// JSON-escaped; no whitespace; a property marked <see cref="OmitWhenNullAttribute"/> is left out while it is null. Changing the canonical form changes every hash, so it is fixed by a golden test.
/// </remarks>
public static class ConfigHash
{
    /// <summary>The length of <see cref="ShortOf"/>: 12 hex digits (48 bits), short enough for folder names.</summary>
    public const int ShortLength = 12;

    // Deeper than any real configuration: a cycle (an object reachable from itself) is reported, not recursed into forever.
    private const int MaxDepth = 32;

    /// <summary>The SHA-256 of <see cref="CanonicalJson"/> as 64 lowercase hex digits.</summary>
    /// <param name="options">The configuration, typically an <see cref="Torch.IOptions"/> record.</param>
    public static string Of(object options) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson(options))));

    /// <summary>The first <see cref="ShortLength"/> hex digits of <see cref="Of"/>, for folder names.</summary>
    /// <param name="options">The configuration.</param>
    public static string ShortOf(object options) => Of(options)[..ShortLength];

    /// <summary>The canonical JSON of <paramref name="options"/> (see the remarks of <see cref="ConfigHash"/>).</summary>
    /// <param name="options">The configuration.</param>
    /// <exception cref="ArgumentException">It holds a value that has no canonical form (a delegate, a stream, a pointer) or a cycle.</exception>
    public static string CanonicalJson(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var json = new StringBuilder();
        Write(json, options, options.GetType().Name, 0);
        return json.ToString();
    }

    private static void Write(StringBuilder json, object? value, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException($"{path}: nested more than {MaxDepth} levels deep (a cycle?); a configuration must be a tree of values", "options");
        }

        switch (value)
        {
            case null:
                json.Append("null");
                return;
            case string s:
                WriteString(json, s);
                return;
            case bool b:
                json.Append(b ? "true" : "false");
                return;
            case char c:
                WriteString(json, c.ToString());
                return;
            case Enum e:
                WriteString(json, e.ToString());
                return;
            case double d:
                WriteFloating(json, double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : null, d.ToString(CultureInfo.InvariantCulture));
                return;
            case float f:
                WriteFloating(json, float.IsFinite(f) ? f.ToString("R", CultureInfo.InvariantCulture) : null, f.ToString(CultureInfo.InvariantCulture));
                return;
            case sbyte or byte or short or ushort or int or uint or long or ulong or decimal or Int128 or UInt128:
                json.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                return;
            case TimeSpan t:
                WriteString(json, t.ToString("c", CultureInfo.InvariantCulture));
                return;
            case DateTime or DateTimeOffset:
                WriteString(json, ((IFormattable)value).ToString("O", CultureInfo.InvariantCulture));
                return;
            case Guid or Uri or Version:
                WriteString(json, value.ToString() ?? string.Empty);
                return;
            case Delegate or Stream or Pointer or Type or MemberInfo:
                throw new ArgumentException($"{path}: a {value.GetType().Name} has no canonical form; a configuration holds plain values", "options");
            case IDictionary dictionary:
                WriteDictionary(json, dictionary, path, depth);
                return;
            case IEnumerable set when IsSet(set.GetType()):
                // A set's enumeration order is an accident of hashing (randomised per process for strings): sort it.
                var members = set.Cast<object?>().Select((item, i) => Canonical(item, $"{path}{{{i}}}", depth + 1)).Order(StringComparer.Ordinal);
                json.Append('[').AppendJoin(',', members).Append(']');
                return;
            case IEnumerable items:
                json.Append('[');
                var index = 0;
                foreach (var item in items)
                {
                    json.Append(index == 0 ? "" : ",");
                    Write(json, item, $"{path}[{index++}]", depth + 1);
                }

                json.Append(']');
                return;
            default:
                WriteObject(json, value, path, depth);
                return;
        }
    }

    private static string Canonical(object? value, string path, int depth)
    {
        var json = new StringBuilder();
        Write(json, value, path, depth);
        return json.ToString();
    }

    private static bool IsSet(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ISet<>) || i.GetGenericTypeDefinition() == typeof(IReadOnlySet<>)));

    // Round-trip text for finite values, written as a JSON number; the names of NaN and the infinities as strings.
    private static void WriteFloating(StringBuilder json, string? roundTrip, string name)
    {
        if (roundTrip is null)
        {
            WriteString(json, name);
            return;
        }

        json.Append(roundTrip);
    }

    private static void WriteDictionary(StringBuilder json, IDictionary dictionary, string path, int depth)
    {
        var entries = new List<(string Key, object? Value)>();
        foreach (DictionaryEntry entry in dictionary)
        {
            var key = entry.Key is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : entry.Key.ToString() ?? string.Empty;
            entries.Add((key, entry.Value));
        }

        json.Append('{');
        var first = true;
        foreach (var (key, item) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            json.Append(first ? "" : ",");
            first = false;
            WriteString(json, key);
            json.Append(':');
            Write(json, item, $"{path}[{key}]", depth + 1);
        }

        json.Append('}');
    }

    private static void WriteObject(StringBuilder json, object value, string path, int depth)
    {
        var type = value.GetType();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .OrderBy(p => p.Name, StringComparer.Ordinal);
        json.Append('{');
        WriteString(json, "$type");
        json.Append(':');
        WriteString(json, type.FullName ?? type.Name);
        foreach (var property in properties)
        {
            var item = property.GetValue(value);
            if (item is null && property.IsDefined(typeof(OmitWhenNullAttribute), inherit: true))
            {
                continue;
            }

            json.Append(',');
            WriteString(json, property.Name);
            json.Append(':');
            Write(json, item, $"{path}.{property.Name}", depth + 1);
        }

        json.Append('}');
    }

    // JSON strings escape only what JSON requires (quote, backslash, control characters), so the canonical form
    // never depends on an encoder's policy; everything else is written as itself and hashed as UTF-8.
    private static void WriteString(StringBuilder json, string text)
    {
        json.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    json.Append("\\\"");
                    break;
                case '\\':
                    json.Append("\\\\");
                    break;
                case < ' ':
                    json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    json.Append(c);
                    break;
            }
        }

        json.Append('"');
    }
}
