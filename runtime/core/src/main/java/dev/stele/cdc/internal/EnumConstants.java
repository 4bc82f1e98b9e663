package dev.stele.cdc.internal;

import java.util.HashMap;
import java.util.Map;

/** Each enum's constants by name, looked up once per enum class. */
final class EnumConstants {

    private static final ClassValue<Map<String, Object>> BY_NAME = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> byName = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byName.put(((Enum<?>) constant).name(), constant);
            }
            return Map.copyOf(byName);
        }
    };

    private EnumConstants() {
    }

    /** The constant of {@code type} named {@code name}, or null. */
    static <E extends Enum<E>> E find(Class<E> type, String name) {
        return type.cast(BY_NAME.get(type).get(name));
    }
}
