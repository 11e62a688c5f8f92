package org.govpaas.apps.permits.form;

import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The deployed permit type: names, form and attachment rules, built once from
 * {@link PermitSettings}. A definition that does not parse stops the start-up with a message
 * that names the {@code GOVPAAS_PARAM_*} variable at fault.
 */
@Component
public class PermitForm {

    private final String nameZh;
    private final String nameEn;
    private final FormDefinition definition;
    private final AttachmentRules attachments;

    public PermitForm(PermitSettings settings) {
        this.nameZh = settings.permitNameZh().strip();
        this.nameEn = settings.permitNameEn().strip();
        try {
            this.definition = FormDefinition.parse(settings.fields());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("GOVPAAS_PARAM_FIELDS (permits.fields) is not a valid form definition: "
                    + e.getMessage());
        }
        try {
            this.attachments = AttachmentRules.of(settings.attachmentTypes(), settings.attachmentMaxMb(),
                    settings.attachmentMinCount(), settings.attachmentMaxCount());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The attachment parameters (GOVPAAS_PARAM_ATTACHMENT_*) are not valid: "
                    + e.getMessage());
        }
    }

    /** The permit type's name in the reader's language. */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    public FormDefinition definition() {
        return definition;
    }

    public AttachmentRules attachments() {
        return attachments;
    }
}
