package org.govpaas.apps.permits.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govpaas.apps.permits.form.FieldProblem;
import org.govpaas.apps.permits.form.PermitForm;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns {@link FieldProblem}s into what the page shows: per field, the messages in the reader's
 * language, each starting from the field's label ({@code {0}} in every message), in form order
 * so the error summary reads like the form.
 */
@Component
public class Problems {

    private final MessageSource messages;
    private final PermitForm form;

    Problems(MessageSource messages, PermitForm form) {
        this.messages = messages;
        this.form = form;
    }

    public Map<String, List<String>> resolve(List<FieldProblem> problems, Locale locale) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (FieldProblem problem : problems) {
            List<Object> arguments = new ArrayList<>();
            arguments.add(label(problem.field(), locale));
            arguments.addAll(List.of(problem.arguments()));
            byField.computeIfAbsent(problem.field(), f -> new ArrayList<>())
                    .add(messages.getMessage(problem.messageKey(), arguments.toArray(), locale));
        }
        return byField;
    }

    private String label(String field, Locale locale) {
        return form.definition().field(field).map(f -> f.label(locale))
                .orElseGet(() -> messages.getMessage("field." + field, null, locale));
    }
}
