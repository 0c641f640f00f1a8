package com.fniexchange.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A parsed YAML document walked by key, an absent or mistyped node read as empty. */
final class YamlTree {

    private YamlTree() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new HashMap<>();
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return castMap(parent.get(key));
    }

    static List<Object> list(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
    }

    /** A list of scalars as strings; a lone scalar as a list of one. */
    static List<String> strings(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
