using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;

namespace MediaGen.Engine;

/// <summary>
/// Reads the history JSON the Azure Storage backend returns (its events without type names) back into
/// <see cref="HistoryEvent"/> objects, choosing each event's class by its <c>EventType</c>.
/// </summary>
internal static class HistoryEventJson
{
    private static readonly Dictionary<EventType, Type> EventClasses = typeof(HistoryEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(HistoryEvent)) && !t.IsAbstract && !t.ContainsGenericParameters)
        .Select(t => (Type: t, Event: (HistoryEvent)RuntimeHelpers.GetUninitializedObject(t)))
        .GroupBy(x => x.Event.EventType)
        // Where subclasses share an event type, the most general class reads every field they store.
        .ToDictionary(g => g.Key, g => g.Select(x => x.Type).OrderBy(Depth).First());

    public static IList<HistoryEvent> Parse(string json)
    {
        var events = new List<HistoryEvent>();
        foreach (var item in JArray.Parse(json).OfType<JObject>())
        {
            var eventType = item.GetValue(nameof(HistoryEvent.EventType), StringComparison.OrdinalIgnoreCase)?.ToObject<EventType>();
            if (eventType is { } type && EventClasses.TryGetValue(type, out var eventClass) && item.ToObject(eventClass) is HistoryEvent historyEvent)
            {
                events.Add(historyEvent);
            }
        }

        return events;
    }

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var t = type; t is not null; t = t.BaseType)
        {
            depth++;
        }

        return depth;
    }
}
