package org.govpaas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The notice board's parameters, as a deploy request from the API would send them. */
class ParameterSchemaTest {

    private final ParameterSchema schema = TestTemplates.noticeBoard().latest().parameters();

    @Test
    void defaultsAloneMakeAValidRequest() {
        Map<String, Object> parameters = schema.withDefaults(Map.of());

        assertThat(parameters).containsExactly(Map.entry("title", "公告栏"), Map.entry("welcome", ""),
                Map.entry("theme", "light"), Map.entry("contact", ""));
        assertThat(schema.validate(parameters)).isEmpty();
    }

    @Test
    void givenValuesWinOverDefaultsAndTheInputIsNotChanged() {
        Map<String, Object> request = new HashMap<>(Map.of("title", "民政局公告", "theme", "dark"));

        Map<String, Object> parameters = schema.withDefaults(request);

        assertThat(parameters).containsEntry("title", "民政局公告").containsEntry("theme", "dark")
                .containsEntry("welcome", "");
        assertThat(request).hasSize(2);
        assertThat(schema.validate(parameters)).isEmpty();
    }

    @Test
    void missingRequiredParameterIsNamed() {
        assertThat(schema.validate(Map.of("welcome", "你好")))
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.title", "is required"));
        assertThat(schema.validate(null))
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.title", "is required"));
    }

    @Test
    void wrongTypeIsNamed() {
        assertThat(schema.validate(Map.of("title", 42)))
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.title", "must be text"));
        assertThat(schema.validate(Map.of("title", List.of("a", "b"))))
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.title", "must be text"));
    }

    @Test
    void lengthIsCountedInCharactersNotBytes() {
        assertThat(schema.validate(Map.of("title", "公".repeat(100)))).isEmpty();
        assertThat(schema.validate(Map.of("title", "公".repeat(101))))
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.title", "must be at most 100 characters"));
        assertThat(schema.validate(Map.of("title", "")))
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.title", "must be at least 1 character"));
    }

    @Test
    void unknownParameterIsRefused() {
        assertThat(schema.validate(Map.of("title", "公告", "admin", true)))
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.admin", "is not a parameter of this template"));
    }

    @Test
    void enumViolationListsTheAllowedValues() {
        assertThat(schema.validate(Map.of("title", "公告", "theme", "blue")))
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.theme", "must be one of: light, dark"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("welcome", "x".repeat(501));
        request.put("theme", "blue");
        request.put("extra", 1);

        assertThat(schema.validate(request)).usingElementComparator(FIELD_AND_MESSAGE).containsExactlyInAnyOrder(
                error("parameters.title", "is required"),
                error("parameters.welcome", "must be at most 500 characters"),
                error("parameters.theme", "must be one of: light, dark"),
                error("parameters.extra", "is not a parameter of this template"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(document.cookie)</script>",
            "<img src=x onerror=alert(1)>",
            "${7*7}",
            "[[${T(java.lang.Runtime).getRuntime().exec('id')}]]",
            "{{7*7}}",
            "#{7*7}",
            "'; DROP TABLE apps; --",
            "' OR '1'='1",
            "\\\"; SELECT pg_sleep(10); --",
            "../../etc/passwd"})
    void hostilePayloadIsPlainTextWithinItsLength(String payload) {
        Map<String, Object> parameters = schema.withDefaults(Map.of("welcome", payload));

        assertThat(schema.validate(parameters)).isEmpty();
        // Passed on exactly as given: nothing evaluated, escaped or trimmed here.
        assertThat(parameters.get("welcome")).isEqualTo(payload);
    }

    @Test
    void hostilePayloadBeyondItsLengthIsRefusedLikeAnyText() {
        String payload = "<script>" + "a".repeat(500) + "</script>";

        assertThat(schema.validate(Map.of("title", "公告", "welcome", payload)))
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.welcome", "must be at most 500 characters"));
    }

    @Test
    void numbersFromJsonAreCheckedAgainstTheirBounds() {
        ParameterSchema demo = TestTemplates.formDemo().latest().parameters();

        assertThat(demo.validate(Map.of("office", "东城", "slots", 10, "fee", new BigDecimal("999.5"))))
                .isEmpty();
        assertThat(demo.validate(Map.of("office", "东城", "slots", 11)))
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.slots", "must be <= 10"));
        assertThat(demo.validate(Map.of("office", "东城", "slots", 0)))
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.slots", "must be >= 1"));
        assertThat(demo.validate(Map.of("office", "东城", "slots", 2.5)))
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.slots", "must be a whole number"));
        assertThat(demo.validate(Map.of("office", "东城", "slots", "3")))
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.slots", "must be a whole number"));
        assertThat(demo.validate(Map.of("office", "东城", "slots", 3, "reminders", "yes")))
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.reminders", "must be true or false"));
    }

    @Test
    void schemaIsExposedAsJsonForTheApi() {
        assertThat(schema.asMap()).containsEntry("type", "object").containsEntry("additionalProperties", false);
        assertThat(schema.toJson()).contains("\"x-title-zh\":\"标题\"");
    }

    /** Field and English text; the message codes are checked in ParameterErrorCodesTest. */
    private static final java.util.Comparator<ParameterError> FIELD_AND_MESSAGE = java.util.Comparator
            .comparing(ParameterError::field).thenComparing(ParameterError::message);

    private static ParameterError error(String field, String message) {
        return new ParameterError(field, message, "", java.util.List.of());
    }
}
