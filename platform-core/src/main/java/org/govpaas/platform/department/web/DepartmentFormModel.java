package org.govpaas.platform.department.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govpaas.platform.department.Department;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What the department form shows: the values to fill in and one localized error per field.
 * Values come from the request after a failed post, so a typo is shown as typed.
 */
final class DepartmentFormModel {

    static final List<String> CREATE_FIELDS =
            List.of("code", "nameZh", "nameEn", "maxApps", "maxInstances", "maxMemoryMib", "monthlyBudget");
    static final List<String> EDIT_FIELDS = CREATE_FIELDS.subList(1, CREATE_FIELDS.size());

    private DepartmentFormModel() {
    }

    static void defaults(Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("code", "");
        values.put("nameZh", "");
        values.put("nameEn", "");
        values.put("maxApps", "10");
        values.put("maxInstances", "20");
        values.put("maxMemoryMib", "16384");
        values.put("monthlyBudget", "10000.00");
        fill(model, false, values, Map.of());
    }

    static void current(Model model, Department d) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("nameZh", d.nameZh());
        values.put("nameEn", d.nameEn());
        values.put("maxApps", String.valueOf(d.maxApps()));
        values.put("maxInstances", String.valueOf(d.maxInstances()));
        values.put("maxMemoryMib", String.valueOf(d.maxMemoryMib()));
        values.put("monthlyBudget", d.monthlyBudget().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString());
        fill(model, true, values, Map.of());
    }

    static void rejected(Model model, boolean editing, Map<String, String> submitted, BindingResult result,
                         MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            errors.putIfAbsent(error.getField(), messages.getMessage(error, locale));
        }
        fill(model, editing, submitted, errors);
    }

    private static void fill(Model model, boolean editing, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("editing", editing);
        model.addAttribute("fields", editing ? EDIT_FIELDS : CREATE_FIELDS);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
    }

}
