package org.govpaas.apps.permits.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govpaas.apps.permits.form.FieldDefinition;
import org.govpaas.apps.permits.form.FieldKind;
import org.govpaas.apps.permits.form.FormDefinition;

/**
 * One answer as a summary list shows it. Answers to fields a later deploy removed are still
 * shown, labelled by their stored name, so nothing a citizen submitted silently disappears.
 */
public record AnswerRow(String label, String value, boolean multiline) {

    public static List<AnswerRow> of(FormDefinition form, Map<String, String> answers, Locale locale) {
        Map<String, String> left = new LinkedHashMap<>(answers);
        List<AnswerRow> rows = new ArrayList<>();
        for (FieldDefinition field : form.fields()) {
            rows.add(new AnswerRow(field.label(locale), left.remove(field.name()),
                    field.kind() == FieldKind.TEXTAREA));
        }
        left.forEach((name, value) -> rows.add(new AnswerRow(name, value, true)));
        return rows;
    }
}
