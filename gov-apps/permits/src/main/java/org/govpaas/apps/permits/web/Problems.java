package org.govpaas.apps.permits.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govpaas.apps.permits.form.Alternatives;
import org.govpaas.apps.permits.form.FieldProblem;
import org.govpaas.apps.permits.form.PermitForm;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns {@link FieldProblem}s into what the page shows: per field, the messages in the reader's
 * language, each starting from the field's label ({@code {0}} in every message), in form order
 * so the error summary reads like the form. {@link Alternatives} are written out as the reader's
 * language lists them.
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
            for (Object argument : problem.arguments()) {
                arguments.add(argument instanceof Alternatives alternatives ? inWords(alternatives, locale) : argument);
            }
            byField.computeIfAbsent(problem.field(), f -> new ArrayList<>())
                    .add(messages.getMessage(problem.messageKey(), arguments.toArray(), locale));
        }
        return byField;
    }

    /** "PDF, JPEG or PNG" / "PDF、JPEG 或 PNG". */
    private String inWords(Alternatives alternatives, Locale locale) {
        List<String> names = alternatives.names();
        if (names.size() == 1) {
            return names.getFirst();
        }
        String allButLast = String.join(messages.getMessage("list.separator", null, locale),
                names.subList(0, names.size() - 1));
        return messages.getMessage("list.or", new Object[] {allButLast, names.getLast()}, locale);
    }

    private String label(String field, Locale locale) {
        return form.definition().field(field).map(f -> f.label(locale))
                .orElseGet(() -> messages.getMessage("field." + field, null, locale));
    }
}
