package org.govpaas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The deploy form's fields come from the same schema that validates the request. */
class ParameterFieldTest {

    @Test
    void noticeBoardFieldsCarryLabelsLimitsAndDefaults() {
        List<ParameterField> fields = TestTemplates.noticeBoard().latest().parameters().fields();

        ParameterField title = fields.get(0);
        assertThat(title.name()).isEqualTo("title");
        assertThat(title.type()).isEqualTo(ParameterField.Type.STRING);
        assertThat(title.title()).isEqualTo(new LocalizedText("标题", "Title"));
        assertThat(title.description().in(Locale.CHINA)).isEqualTo("显示在公告栏顶部。");
        assertThat(title.required()).isTrue();
        assertThat(title.defaultValue()).isEqualTo("公告栏");
        assertThat(title.minLength()).isEqualTo(1);
        assertThat(title.maxLength()).isEqualTo(100);

        ParameterField welcome = fields.get(1);
        assertThat(welcome.required()).isFalse();
        assertThat(welcome.defaultValue()).isEqualTo("");
        assertThat(welcome.maxLength()).isEqualTo(500);

        ParameterField theme = fields.get(2);
        assertThat(theme.type()).isEqualTo(ParameterField.Type.ENUM);
        assertThat(theme.enumValues()).containsExactly("light", "dark");
        assertThat(theme.defaultValue()).isEqualTo("light");
        assertThat(theme.title().zh()).isEqualTo("主题");
        assertThat(theme.description()).isEqualTo(new LocalizedText("", ""));
    }

    @Test
    void numericAndBooleanFieldsAreTyped() {
        ParameterSchema demo = TestTemplates.formDemo().latest().parameters();

        ParameterField slots = demo.field("slots").orElseThrow();
        assertThat(slots.type()).isEqualTo(ParameterField.Type.INTEGER);
        assertThat(slots.required()).isTrue();
        assertThat(slots.defaultValue()).isEqualTo(2L);
        assertThat(slots.minimum()).isEqualByComparingTo("1");
        assertThat(slots.maximum()).isEqualByComparingTo("10");
        assertThat(slots.maxLength()).isNull();

        ParameterField fee = demo.field("fee").orElseThrow();
        assertThat(fee.type()).isEqualTo(ParameterField.Type.NUMBER);
        assertThat(fee.defaultValue()).isEqualTo(new BigDecimal("5"));

        ParameterField reminders = demo.field("reminders").orElseThrow();
        assertThat(reminders.type()).isEqualTo(ParameterField.Type.BOOLEAN);
        assertThat(reminders.defaultValue()).isEqualTo(true);

        assertThat(demo.field("language").orElseThrow().enumValues()).containsExactly("zh", "en");
        assertThat(demo.field("nothing")).isEmpty();
        assertThat(TestTemplates.formDemo().versions().getFirst().parameters().fields()).isEmpty();
    }
}
