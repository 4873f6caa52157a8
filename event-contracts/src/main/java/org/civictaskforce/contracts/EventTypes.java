package org.civictaskforce.contracts;

/** Reads {@link EventType} from an event record class. */
public final class EventTypes {
    private EventTypes() {
    }

    public static String typeOf(Class<?> eventClass) {
        return annotation(eventClass).value();
    }

    public static int versionOf(Class<?> eventClass) {
        return annotation(eventClass).version();
    }

    public static String schemaPath(String type, int version) {
        return "/schemas/" + type + ".v" + version + ".json";
    }

    private static EventType annotation(Class<?> eventClass) {
        EventType annotation = eventClass.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @EventType");
        }
        return annotation;
    }
}
