package org.govpaas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The notice board allows up to 3 instances of 256 to 1024 MiB. */
class SizingCheckTest {

    private final TemplateVersion version = TestTemplates.noticeBoard().latest();

    @Test
    void withinTheMaximaOrLeftToDefaultsIsAccepted() {
        assertThat(SizingCheck.check(version, 3, 1024)).isEmpty();
        assertThat(SizingCheck.check(version, null, null)).isEmpty();
        assertThat(SizingCheck.check(version, 0, 256)).isEmpty(); // 0 instances = stopped
    }

    @Test
    void beyondTheVersionsMaximaIsRefusedPerField() {
        assertThat(SizingCheck.check(version, 4, 2048)).usingElementComparator(FIELD_AND_MESSAGE).containsExactly(
                error("instances", "must be <= 3 (this version's maximum)"),
                error("memoryMb", "must be <= 1024 (this version's maximum)"));
    }

    @Test
    void belowTheFloorIsRefused() {
        assertThat(SizingCheck.check(version, -1, null))
                .usingElementComparator(FIELD_AND_MESSAGE).containsExactly(error("instances", "must be >= 0"));
        // The notice board's JVM does not stay within less than 256 MiB: the template says so.
        assertThat(SizingCheck.check(version, null, 255)).usingElementComparator(FIELD_AND_MESSAGE)
                .containsExactly(error("memoryMb", "must be >= 256 (this version's minimum)"));
        assertThat(SizingCheck.check(version, null, 64)).usingElementComparator(FIELD_AND_MESSAGE)
                .containsExactly(error("memoryMb", "must be >= 256 (this version's minimum)"));
        assertThat(SizingCheck.check(version, Integer.MIN_VALUE, Integer.MAX_VALUE)).usingElementComparator(FIELD_AND_MESSAGE).containsExactly(
                error("instances", "must be >= 0"),
                error("memoryMb", "must be <= 1024 (this version's maximum)"));
    }

    /** Field and English text; the message codes are checked in ParameterErrorCodesTest. */
    private static final java.util.Comparator<ParameterError> FIELD_AND_MESSAGE = java.util.Comparator
            .comparing(ParameterError::field).thenComparing(ParameterError::message);

    private static ParameterError error(String field, String message) {
        return new ParameterError(field, message, "", java.util.List.of());
    }
}
