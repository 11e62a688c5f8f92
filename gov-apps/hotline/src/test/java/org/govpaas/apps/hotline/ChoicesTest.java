package org.govpaas.apps.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Deploy-time lists: what an operator types in the console, and what they read when it is wrong. */
class ChoicesTest {

    @Test
    void parsesCodesAndBothNamesInOrder() {
        Choices choices = Choices.parse("GOVPAAS_PARAM_CATEGORIES", " roads=道路|Roads ; water = 供水 | Water supply ;", false);

        assertThat(choices.all()).extracting(Choices.Choice::code).containsExactly("roads", "water");
        assertThat(choices.name("water", Locale.SIMPLIFIED_CHINESE)).isEqualTo("供水");
        assertThat(choices.name("water", Locale.ENGLISH)).isEqualTo("Water supply");
        assertThat(choices.name("gone", Locale.ENGLISH)).isEqualTo("gone");
    }

    @Test
    void anEmptyListIsAllowedOnlyWhereTheFieldIsOptional() {
        assertThat(Choices.parse("GOVPAAS_PARAM_DISTRICTS", "  ", true).all()).isEmpty();
        assertThatThrownBy(() -> Choices.parse("GOVPAAS_PARAM_TEAMS", "", false))
                .hasMessageContaining("GOVPAAS_PARAM_TEAMS must list at least one item");
    }

    @Test
    void mistakesNameTheParameterAndTheItem() {
        assertThatThrownBy(() -> Choices.parse("GOVPAAS_PARAM_CATEGORIES", "roads=道路|Roads; water=供水", false))
                .hasMessage("GOVPAAS_PARAM_CATEGORIES item 2 'water=供水' must look like code=中文名|English name");
        assertThatThrownBy(() -> Choices.parse("GOVPAAS_PARAM_CATEGORIES", "Roads!=道路|Roads", false))
                .hasMessageContaining("the code must be 1-40 lower-case letters, digits or -");
        assertThatThrownBy(() -> Choices.parse("GOVPAAS_PARAM_CATEGORIES", "a=甲|A; a=乙|B", false))
                .hasMessageContaining("the code a is listed twice");
        assertThatThrownBy(() -> Choices.parse("GOVPAAS_PARAM_CATEGORIES", "a=|A", false))
                .hasMessageContaining("both names are required");
    }
}
