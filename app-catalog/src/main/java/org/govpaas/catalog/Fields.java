package org.govpaas.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Reads one mapping of a template file, recording every problem under the field's full path
 * ({@code versions[0].memoryMb.max}). A getter that finds a problem records it and returns null,
 * so the reader goes on and the author sees everything wrong with the file in one go.
 */
final class Fields {

    private final JsonNode node;
    private final String path;
    private final Problems problems;

    private Fields(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The mapping at {@code path}, or null (and a problem) when the node is not a mapping. */
    static Fields of(JsonNode node, String path, Problems problems) {
        if (node == null || !node.isObject()) {
            problems.add(path.isEmpty() ? "(file)" : path, "must be a mapping");
            return null;
        }
        return new Fields(node, path, problems);
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    Problems problems() {
        return problems;
    }

    /** Unknown fields are refused: a misspelt optional field would otherwise be silently ignored. */
    void allowOnly(String... names) {
        Set<String> allowed = Set.of(names);
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                problems.add(path(name), "unknown field");
            }
        }
    }

    JsonNode raw(String name) {
        return node.get(name);
    }

    private JsonNode present(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            problems.add(path(name), "is required");
            return null;
        }
        return value;
    }

    /** A required, non-blank string of at most {@code maxLength} characters. */
    String string(String name, int maxLength) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            problems.add(path(name), "must be a string (quote it)");
            return null;
        }
        String text = value.stringValue();
        if (text.isBlank()) {
            problems.add(path(name), "must not be empty");
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            problems.add(path(name), "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    /** A required whole number within [min, max]. */
    Integer integer(String name, int min, int max) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(path(name), "must be a whole number");
            return null;
        }
        int number = value.intValue();
        if (number < min) {
            problems.add(path(name), "must be >= " + min);
            return null;
        }
        if (number > max) {
            problems.add(path(name), "must be <= " + max);
            return null;
        }
        return number;
    }

    /** An optional boolean, {@code absent} when the field is left out. */
    Boolean bool(String name, boolean absent) {
        JsonNode value = node.get(name);
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            problems.add(path(name), "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    /** A required mapping. */
    Fields object(String name) {
        JsonNode value = present(name);
        return value == null ? null : of(value, path(name), problems);
    }

    /** A required list (empty is allowed when {@code mayBeEmpty}), or an optional one when absent. */
    List<JsonNode> list(String name, boolean required, boolean mayBeEmpty) {
        JsonNode value = node.get(name);
        if (value == null && !required) {
            return List.of();
        }
        if (value == null || value.isNull()) {
            problems.add(path(name), "is required");
            return null;
        }
        if (!value.isArray()) {
            problems.add(path(name), "must be a list");
            return null;
        }
        if (value.isEmpty() && !mayBeEmpty) {
            problems.add(path(name), "must not be empty");
            return null;
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /** A required label, one of {@code known}. */
    <E> E label(String name, Function<String, Optional<E>> fromLabel, String known) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        Optional<E> found = value.isString() ? fromLabel.apply(value.stringValue()) : Optional.empty();
        if (found.isEmpty()) {
            problems.add(path(name), "must be one of " + known + " (found " + value + ")");
            return null;
        }
        return found.get();
    }

    /** A list of distinct labels, each one of {@code known}, in the order written. */
    <E> Set<E> labels(String name, boolean required, Function<String, Optional<E>> fromLabel,
                      String known) {
        List<JsonNode> items = list(name, required, !required);
        if (items == null) {
            return null;
        }
        Set<E> result = new LinkedHashSet<>();
        int before = problems.size();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String itemPath = path(name) + "[" + i + "]";
            Optional<E> found = item.isString() ? fromLabel.apply(item.stringValue()) : Optional.empty();
            if (found.isEmpty()) {
                problems.add(itemPath, "must be one of " + known + " (found " + item + ")");
            } else if (!result.add(found.get())) {
                problems.add(itemPath, "duplicate " + item);
            }
        }
        return problems.size() == before ? result : null;
    }

    static String known(Stream<String> labels) {
        return labels.collect(Collectors.joining(", "));
    }
}
