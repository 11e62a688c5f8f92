package org.govpaas.apps.permits.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** What a deploying developer may write in the fields parameter, and what they are told when it is wrong. */
class FormDefinitionTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final FormDefinition PERIODS = FormDefinition.parse("""
            [{"name":"startDate","labelZh":"开始日期","labelEn":"Start date","kind":"date"},
             {"name":"endDate","labelZh":"结束日期","labelEn":"End date","kind":"date"},
             {"name":"workStart","labelZh":"施工开始","labelEn":"Works start","kind":"date"},
             {"name":"workEnd","labelZh":"施工结束","labelEn":"Works end","kind":"date"},
             {"name":"birthDate","labelZh":"出生日期","labelEn":"Date of birth","kind":"date"},
             {"name":"startingDate","labelZh":"起始","labelEn":"Starting","kind":"date"},
             {"name":"weekendDate","labelZh":"周末","labelEn":"Weekend","kind":"date"},
             {"name":"startNote","labelZh":"说明","labelEn":"Note","kind":"text"}]""");

    @Test
    void aPeriodsStartIsNotBeforeTodayAndItsEndNotBeforeItsStart() {
        assertThat(periodProblems(Map.of("startDate", "2026-11-20", "endDate", "2026-11-19"))).containsExactly(
                tuple("startDate", "answer.error.past", List.of("2026-11-21")),
                tuple("endDate", "answer.error.beforeStart", List.of("2026-11-20")));
        assertThat(periodProblems(Map.of("startDate", "2026-12-01", "endDate", "2026-11-30"))).containsExactly(
                tuple("endDate", "answer.error.beforeStart", List.of("2026-12-01")));
        assertThat(periodProblems(Map.of("workStart", "2026-11-01", "workEnd", "2026-10-01"))).containsExactly(
                tuple("workStart", "answer.error.past", List.of("2026-11-21")),
                tuple("workEnd", "answer.error.beforeStart", List.of("2026-11-01")));
        // Today, and a period of one day, are fine.
        assertThat(periodProblems(Map.of("startDate", "2026-11-21", "endDate", "2026-11-21"))).isEmpty();
    }

    @Test
    void onlyDateFieldsNamedAsAPeriodsBoundsHaveItsRules() {
        // A date of birth is in the past; "starting" and "weekend" are other words; a text is no date.
        assertThat(periodProblems(Map.of("birthDate", "1990-05-01", "startingDate", "2020-01-01",
                "weekendDate", "2020-01-04", "startNote", "2020-01-01"))).isEmpty();
        // An end whose start was not given, or is not a date, has nothing to be compared with.
        assertThat(periodProblems(Map.of("endDate", "2020-01-01"))).isEmpty();
        assertThat(periodProblems(Map.of("startDate", "2026-13-01", "endDate", "2026-12-01")))
                .containsExactly(tuple("startDate", "answer.error.date", List.of()));
    }

    private static List<Tuple> periodProblems(Map<String, String> answers) {
        return PERIODS.check(answers, TODAY).stream()
                .map(p -> tuple(p.field(), p.messageKey(), List.of(p.arguments()))).toList();
    }

    @Test
    void aDefinitionGivesFieldsInOrderWithDefaults() {
        FormDefinition form = FormDefinition.parse("""
                [{"name":"shopName","labelZh":"店铺名称","labelEn":"Shop name","kind":"text","required":true},
                 {"name":"opening","labelZh":"开业日期","labelEn":"Opening date","kind":"DATE"},
                 {"name":"notes","labelZh":"备注","labelEn":"Notes","kind":"textarea","maxLength":300}]""");

        assertThat(form.fields()).extracting(FieldDefinition::name).containsExactly("shopName", "opening", "notes");
        FieldDefinition shop = form.fields().get(0);
        assertThat(shop.required()).isTrue();
        assertThat(shop.maxLength()).isEqualTo(200);
        assertThat(shop.label(Locale.SIMPLIFIED_CHINESE)).isEqualTo("店铺名称");
        assertThat(shop.label(Locale.ENGLISH)).isEqualTo("Shop name");
        assertThat(form.fields().get(1).required()).isFalse();
        assertThat(form.fields().get(1).inputType()).isEqualTo("date");
        assertThat(form.fields().get(2).maxLength()).isEqualTo(300);
    }

    @Test
    void everyMistakeIsNamedWithWhereItIs() {
        assertThatThrownBy(() -> FormDefinition.parse("""
                [{"name":"1st","labelZh":"","labelEn":"A","kind":"text"},
                 {"name":"b","labelZh":"乙","labelEn":"B","kind":"colour","required":"yes"},
                 {"name":"c","labelZh":"丙","labelEn":"C","kind":"text","maxLength":501,"hidden":true},
                 {"name":"d","labelZh":"丁","labelEn":"D","kind":"date"},
                 {"name":"d","labelZh":"丁","labelEn":"D","kind":"date"}]"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fields[0].name: must be a letter")
                .hasMessageContaining("fields[0].labelZh: must be text of 1 to 100 characters")
                .hasMessageContaining("fields[1].kind: must be one of text, textarea, date, number, email, phone")
                .hasMessageContaining("fields[1].required: must be true or false")
                .hasMessageContaining("fields[2].hidden: unknown")
                .hasMessageContaining("fields[2].maxLength: must be a whole number from 1 to 500 for text")
                .hasMessageContaining("fields: name d is used twice");
    }

    @Test
    void notJsonOrNotAListIsRefused() {
        assertThatThrownBy(() -> FormDefinition.parse("name,kind")).hasMessageStartingWith("fields: not valid JSON");
        assertThatThrownBy(() -> FormDefinition.parse("{}")).hasMessage("fields: must be a JSON array with at least one field");
        assertThatThrownBy(() -> FormDefinition.parse("[]")).hasMessage("fields: must be a JSON array with at least one field");
    }

    @Test
    void answersAreTrimmedAndOnlyTheFormsFieldsKept() {
        FormDefinition form = FormDefinition.parse("""
                [{"name":"a","labelZh":"甲","labelEn":"A","kind":"text"},
                 {"name":"b","labelZh":"乙","labelEn":"B","kind":"textarea"}]""");
        assertThat(form.normalise(Map.of("a", "  x  ", "b", "line 1\r\nline 2", "_csrf", "t", "c", "extra")))
                .containsExactly(Map.entry("a", "x"), Map.entry("b", "line 1\nline 2"));
        assertThat(form.check(Map.of("a", "two\nlines"), TODAY)).extracting(FieldProblem::messageKey)
                .containsExactly("answer.error.oneLine");
    }

    @Test
    void attachmentRulesComeFromACommaSeparatedList() {
        AttachmentRules rules = AttachmentRules.of(" PDF, jpeg ,", 2, 0, 3);
        assertThat(rules.types()).containsExactlyInAnyOrder(FileType.PDF, FileType.JPEG);
        assertThat(rules.accept()).isEqualTo(".pdf,.jpg,.jpeg");
        assertThat(rules.maxBytes()).isEqualTo(2L * 1024 * 1024);
        assertThatThrownBy(() -> AttachmentRules.of("pdf,docx", 2, 0, 3)).hasMessage(
                "attachmentTypes: docx is not one of pdf, jpeg, png");
        assertThatThrownBy(() -> AttachmentRules.of("pdf", 2, 4, 3)).hasMessageContaining(
                "attachmentMinCount (4) must not exceed attachmentMaxCount (3)");
        assertThatThrownBy(() -> AttachmentRules.of(" , ", 2, 0, 3)).hasMessageContaining("name at least one");
    }

    @Test
    void theAppRefusesToStartWithABrokenDefinitionAndSaysWhichParameter() {
        PermitSettings broken = new PermitSettings("许可", "Permit", "[{\"name\":\"a\"}]", "pdf", 5, 1, 5);
        assertThatThrownBy(() -> new PermitForm(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("GOVPAAS_PARAM_FIELDS (permits.fields) is not a valid form definition: fields[0]");
        PermitSettings badTypes = new PermitSettings("许可", "Permit",
                "[{\"name\":\"a\",\"labelZh\":\"甲\",\"labelEn\":\"A\",\"kind\":\"text\"}]", "exe", 5, 1, 5);
        assertThatThrownBy(() -> new PermitForm(badTypes)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GOVPAAS_PARAM_ATTACHMENT_").hasMessageContaining("exe is not one of");
    }
}
