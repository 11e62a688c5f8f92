package org.govpaas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every kind of parameter error carries a message code and the values it names, so the console
 * can say it in the reader's language (the platform's bundles hold {@code catalog.error.*}).
 */
class ParameterErrorCodesTest {

    private final ParameterSchema board = TestTemplates.noticeBoard().version("1.0.0").orElseThrow().parameters();

    @Test
    void schemaErrorsNameTheirCodeAndLimit() {
        assertThat(board.validate(Map.of("welcome", "x")))
                .extracting(ParameterError::code, ParameterError::arguments)
                .containsExactly(tuple("catalog.error.required", java.util.List.of()));
        assertThat(board.validate(Map.of("title", "x".repeat(101))))
                .extracting(ParameterError::code, ParameterError::arguments)
                .containsExactly(tuple("catalog.error.maxLength", java.util.List.of(100)));
        assertThat(board.validate(Map.of("title", "")))
                .extracting(ParameterError::code, ParameterError::arguments)
                .containsExactly(tuple("catalog.error.minLength", java.util.List.of(1)));
        assertThat(board.validate(Map.of("title", 42)))
                .extracting(ParameterError::code).containsExactly("catalog.error.text");
        assertThat(board.validate(Map.of("title", "公告", "admin", true)))
                .extracting(ParameterError::code).containsExactly("catalog.error.unknown");
        assertThat(board.validate(Map.of("title", "公告", "theme", "pink")))
                .extracting(ParameterError::code, ParameterError::arguments)
                .containsExactly(tuple("catalog.error.enum", java.util.List.of("light, dark")));
        assertThat(board.validate(Map.of("title", "公\u0000告")))
                .extracting(ParameterError::field, ParameterError::code)
                .containsExactly(tuple("parameters.title", "catalog.error.controlCharacter"));
        assertThat(board.validate(Map.of("title", "公告", "welcome", "第一行\n第二行\t完")))
                .as("a tab and line breaks are text").isEmpty();
    }

    @Test
    void sizingErrorsNameTheVersionsLimits() {
        TemplateVersion version = TestTemplates.noticeBoard().version("1.0.0").orElseThrow();
        assertThat(SizingCheck.check(version, 4, 2048))
                .extracting(ParameterError::field, ParameterError::code, ParameterError::arguments)
                .containsExactly(tuple("instances", "catalog.error.versionMaximum", java.util.List.of(3)),
                        tuple("memoryMb", "catalog.error.versionMaximum", java.util.List.of(1024)));
        assertThat(SizingCheck.check(version, 1, 128))
                .extracting(ParameterError::field, ParameterError::code, ParameterError::arguments)
                .containsExactly(tuple("memoryMb", "catalog.error.versionMinimum", java.util.List.of(256)));
    }
}
