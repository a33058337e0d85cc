using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BioCluster.Api.Features.Audit;

/// <summary>
/// What the audit trail keeps of a record: the record as the API answers it, less the values the API works out at read
/// time (the moves allowed now, the move forms, overdue and days left or late, quorum, close blockers, the meetings
/// that decided on an issue). Those change with the clock or with other records, not with this change; kept, they
/// would show up in the history as changes nobody made.
/// </summary>
public static class AuditJson
{
    /// <summary>Derived properties, by their JSON name, at any depth (a meeting's follow-ups carry "overdue" too).</summary>
    public static readonly FrozenSet<string> Derived = new[]
    {
        "allowedMoves", "moveForms", "overdue", "overdueKind", "daysRemaining", "daysLate", "closeBlockers", "quorum", "meetings",
        "challengeDueOn", "challengeOpen", "finalAnswerDueOn", "finalAnswerOverdue", "mayEdit",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<Type, bool> Carries = new();

    /// <summary>The record as the audit keeps it, as JSON text with the API's options.</summary>
    public static string Serialize(object value, JsonSerializerOptions options)
    {
        if (!CarriesDerived(value.GetType())) return JsonSerializer.Serialize(value, value.GetType(), options);
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), options);
        Strip(node);
        return node?.ToJsonString(options) ?? "null";
    }

    /// <summary>Whether a value of this type can hold a derived property (worked out once per type, a few levels deep).</summary>
    public static bool CarriesDerived(Type type) => Carries.GetOrAdd(type, t => Holds(t, 0));

    private static bool Holds(Type type, int depth)
    {
        if (depth > 4 || type.IsPrimitive || type.IsEnum || type == typeof(string)) return false;
        if (type.IsArray) return Holds(type.GetElementType()!, depth + 1);
        if (type.IsGenericType && type.GetGenericArguments().Any(a => Holds(a, depth + 1))) return true;
        if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true) return false; // lists, dates, JSON: their own properties are not the record's
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (Derived.Contains(JsonNamingPolicy.CamelCase.ConvertName(property.Name))) return true;
            if (Holds(property.PropertyType, depth + 1)) return true;
        }
        return false;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).Where(Derived.Contains).ToList()) o.Remove(name);
                foreach (var (_, child) in o) Strip(child);
                break;
            case JsonArray a:
                foreach (var child in a) Strip(child);
                break;
        }
    }
}
