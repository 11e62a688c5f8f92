package org.govpaas.apps.permits.form;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields of the application form, parsed from the {@code fields} deploy parameter: a JSON
 * array such as
 * <pre>[{"name":"location","labelZh":"占用地点","labelEn":"Location","kind":"text","required":true,"maxLength":200}]</pre>
 * {@code kind} is one of text, textarea, date, number, email, phone; {@code required} defaults
 * to false and {@code maxLength} to the kind's usual size. Date fields named as a period's start
 * and end get its rules (see {@link FieldDefinition}). Field names are the keys answers are
 * stored under, so renaming a field in a later deploy leaves earlier answers under the old name
 * (they are still shown, labelled by that name).
 */
public record FormDefinition(List<FieldDefinition> fields) {

    static final int MAX_FIELDS = 30;
    private static final int MAX_LABEL = 100;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,39}");
    private static final Set<String> KEYS = Set.of("name", "labelZh", "labelEn", "kind", "required", "maxLength");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public FormDefinition {
        fields = List.copyOf(fields);
    }

    /**
     * Parses and checks a definition; every problem is listed in the exception's message, each
     * prefixed by where it is (e.g. {@code fields[2].kind}).
     *
     * @throws IllegalArgumentException when the text is not a valid definition
     */
    public static FormDefinition parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("fields: not valid JSON (" + e.getOriginalMessage() + ")");
        }
        List<String> problems = new ArrayList<>();
        List<FieldDefinition> fields = new ArrayList<>();
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException("fields: must be a JSON array with at least one field");
        }
        if (root.size() > MAX_FIELDS) {
            problems.add("fields: at most " + MAX_FIELDS + " fields");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            field(root.get(i), "fields[" + i + "]", problems).ifPresent(field -> {
                if (!names.add(field.name())) {
                    problems.add("fields: name " + field.name() + " is used twice");
                }
                fields.add(field);
            });
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new FormDefinition(fields);
    }

    private static Optional<FieldDefinition> field(JsonNode node, String path, List<String> problems) {
        if (!node.isObject()) {
            problems.add(path + ": must be an object");
            return Optional.empty();
        }
        int before = problems.size();
        for (String key : node.propertyNames()) {
            if (!KEYS.contains(key)) {
                problems.add(path + "." + key + ": unknown (allowed: " + String.join(", ", KEYS) + ")");
            }
        }
        String name = node.path("name").asString("");
        if (!NAME.matcher(name).matches()) {
            problems.add(path + ".name: must be a letter followed by at most 39 letters or digits");
        }
        String labelZh = label(node, "labelZh", path, problems);
        String labelEn = label(node, "labelEn", path, problems);
        String kindText = node.path("kind").asString("");
        Optional<FieldKind> kind = FieldKind.byLabel(kindText);
        if (kind.isEmpty()) {
            problems.add(path + ".kind: must be one of " + FieldKind.labels());
        }
        JsonNode required = node.path("required");
        if (!required.isMissingNode() && !required.isBoolean()) {
            problems.add(path + ".required: must be true or false");
        }
        int maxLength = kind.map(FieldKind::defaultMaxLength).orElse(0);
        JsonNode max = node.path("maxLength");
        if (!max.isMissingNode() && kind.isPresent()) {
            if (!max.isIntegralNumber() || max.asLong() < 1 || max.asLong() > kind.get().largestMaxLength()) {
                problems.add(path + ".maxLength: must be a whole number from 1 to " + kind.get().largestMaxLength()
                        + " for " + kind.get().label());
            } else {
                maxLength = max.asInt();
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new FieldDefinition(name, labelZh, labelEn, kind.orElseThrow(),
                required.asBoolean(false), maxLength));
    }

    private static String label(JsonNode node, String key, String path, List<String> problems) {
        JsonNode value = node.path(key);
        if (!value.isString() || value.asString().isBlank() || value.asString().length() > MAX_LABEL) {
            problems.add(path + "." + key + ": must be text of 1 to " + MAX_LABEL + " characters");
            return "";
        }
        return value.asString().strip();
    }

    public Optional<FieldDefinition> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * The answers to keep: every field of the form, trimmed, blank ones left out. Names the
     * form does not have are dropped, so a crafted request cannot store extra keys.
     */
    public Map<String, String> normalise(Map<String, String> submitted) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (FieldDefinition field : fields) {
            String value = submitted.get(field.name());
            if (value != null && !value.isBlank()) {
                // Browsers send CRLF from a textarea; keep one line-break convention.
                answers.put(field.name(), value.strip().replace("\r\n", "\n"));
            }
        }
        return answers;
    }

    /**
     * Problems of normalised answers, in form order; empty when the form may be submitted.
     *
     * @param today the date in the service's time zone, which a period's start may not precede
     */
    public List<FieldProblem> check(Map<String, String> answers, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldDefinition field : fields) {
            String answer = answers.get(field.name());
            if (answer == null) {
                if (field.required()) {
                    problems.add(new FieldProblem(field.name(), "answer.error.required"));
                }
            } else if (answer.length() > field.maxLength()) {
                problems.add(new FieldProblem(field.name(), "answer.error.tooLong", field.maxLength()));
            } else if (field.kind() != FieldKind.TEXTAREA && answer.contains("\n")) {
                problems.add(new FieldProblem(field.name(), "answer.error.oneLine"));
            } else {
                Optional<String> kindProblem = field.kind().problemWith(answer);
                kindProblem.ifPresent(key -> problems.add(new FieldProblem(field.name(), key)));
                if (kindProblem.isEmpty() && field.kind() == FieldKind.DATE) {
                    periodProblem(field, LocalDate.parse(answer), answers, today).ifPresent(problems::add);
                }
            }
        }
        return problems;
    }

    private Optional<FieldProblem> periodProblem(FieldDefinition field, LocalDate date, Map<String, String> answers,
                                                 LocalDate today) {
        if (field.startsPeriod() && date.isBefore(today)) {
            return Optional.of(new FieldProblem(field.name(), "answer.error.past", today.toString()));
        }
        // The start's own problems are reported at the start; an end is compared only with a real date.
        Optional<LocalDate> start = field.periodStartName().flatMap(this::field)
                .filter(f -> f.kind() == FieldKind.DATE)
                .map(f -> answers.get(f.name()))
                .filter(answer -> FieldKind.DATE.problemWith(answer).isEmpty())
                .map(LocalDate::parse);
        if (start.isPresent() && date.isBefore(start.get())) {
            return Optional.of(new FieldProblem(field.name(), "answer.error.beforeStart", start.get().toString()));
        }
        return Optional.empty();
    }
}
