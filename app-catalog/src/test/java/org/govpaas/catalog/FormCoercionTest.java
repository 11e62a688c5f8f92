package org.govpaas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Form values arrive as strings; after coerce they take the API's validation path. */
class FormCoercionTest {

    private final ParameterSchema demo = TestTemplates.formDemo().latest().parameters();

    @Test
    void stringsBecomeTheSchemasTypes() {
        ParameterSchema.Coerced coerced = demo.coerce(Map.of("office", " 东城 ", "slots", " 7 ",
                "fee", "12.50", "reminders", "on", "language", "zh"));

        assertThat(coerced.errors()).isEmpty();
        assertThat(coerced.values()).containsEntry("office", " 东城 ") // text kept exactly as typed
                .containsEntry("slots", 7L)
                .containsEntry("fee", new BigDecimal("12.50"))
                .containsEntry("reminders", true)
                .containsEntry("language", "zh");
        assertThat(demo.validate(demo.withDefaults(coerced.values()))).isEmpty();
    }

    @Test
    void blankNumberFallsBackToItsDefaultAndBlankCheckboxIsFalse() {
        ParameterSchema.Coerced coerced = demo.coerce(Map.of("office", "东城", "slots", "", "reminders", ""));

        assertThat(coerced.errors()).isEmpty();
        assertThat(coerced.values()).doesNotContainKey("slots").containsEntry("reminders", false);
        assertThat(demo.withDefaults(coerced.values())).containsEntry("slots", 2L);
    }

    @Test
    void valuesThatAreNotNumbersOrBooleansAreFieldErrors() {
        ParameterSchema.Coerced coerced = demo.coerce(Map.of("office", "东城", "slots", "abc",
                "fee", "1,5", "reminders", "maybe"));

        assertThat(coerced.errors()).usingElementComparator(FIELD_AND_MESSAGE).containsExactlyInAnyOrder(
                error("parameters.slots", "must be a whole number"),
                error("parameters.fee", "must be a number"),
                error("parameters.reminders", "must be true or false"));
        assertThat(coerced.values()).containsOnlyKeys("office");
    }

    @Test
    void hugeOrFractionalNumbersAreRefusedWithoutBeingExpanded() {
        assertThat(demo.coerce(Map.of("slots", "1e999999999")).errors())
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.slots", "must be a whole number"));
        assertThat(demo.coerce(Map.of("slots", "99999999999999999999")).errors())
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.slots", "must be a whole number"));
        assertThat(demo.coerce(Map.of("slots", "2.5")).errors())
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.slots", "must be a whole number"));
        assertThat(demo.coerce(Map.of("fee", "1e9")).errors())
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters.fee", "must be a number"));
    }

    @Test
    void coercedValuesOutOfBoundsFailValidationLikeJsonDoes() {
        ParameterSchema.Coerced coerced = demo.coerce(Map.of("office", "东城", "slots", "11", "language", "fr"));

        assertThat(coerced.errors()).isEmpty();
        assertThat(demo.validate(coerced.values())).usingElementComparator(FIELD_AND_MESSAGE).containsExactlyInAnyOrder(
                error("parameters.slots", "must be <= 10"),
                error("parameters.language", "must be one of: zh, en"));
        assertThat(demo.validate(Map.of("office", "东城", "slots", 11, "language", "fr")))
                .containsExactlyInAnyOrderElementsOf(demo.validate(coerced.values()));
    }

    @Test
    void unknownFormFieldsArePassedOnForValidationToRefuse() {
        Map<String, String> form = new HashMap<>(Map.of("office", "东城", "slots", "3", "_csrf", "token"));

        ParameterSchema.Coerced coerced = demo.coerce(form);

        assertThat(coerced.values()).containsEntry("_csrf", "token");
        assertThat(demo.validate(coerced.values()))
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("parameters._csrf", "is not a parameter of this template"));
    }

    /** Field and English text; the message codes are checked in ParameterErrorCodesTest. */
    private static final java.util.Comparator<ParameterError> FIELD_AND_MESSAGE = java.util.Comparator
            .comparing(ParameterError::field).thenComparing(ParameterError::message);

    private static ParameterError error(String field, String message) {
        return new ParameterError(field, message, "", java.util.List.of());
    }
}
