package org.govpaas.apps.permits.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.govpaas.apps.permits.form.AttachmentRules;
import org.govpaas.apps.permits.form.FieldProblem;
import org.govpaas.apps.permits.form.PermitForm;
import org.govpaas.apps.permits.form.PermitSettings;
import org.govpaas.apps.permits.form.Upload;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** How a refused document reads in each language, from the service's own bundles. */
class ProblemsTest {

    static final byte[] NOT_A_DOCUMENT = "<html>a page saved as pdf</html>".getBytes(StandardCharsets.UTF_8);

    @Test
    void theAllowedTypesReadAsAListOfAlternatives() {
        assertThat(typeError("pdf,jpeg,png", Locale.ENGLISH)).isEqualTo("fake.pdf is not a PDF, JPEG or PNG file");
        assertThat(typeError("pdf,jpeg,png", Locale.SIMPLIFIED_CHINESE)).isEqualTo("fake.pdf 不是 PDF、JPEG 或 PNG 文件");
        assertThat(typeError("png,pdf", Locale.ENGLISH)).isEqualTo("fake.pdf is not a PDF or PNG file");
        assertThat(typeError("pdf", Locale.SIMPLIFIED_CHINESE)).isEqualTo("fake.pdf 不是 PDF 文件");
    }

    private static String typeError(String types, Locale locale) {
        PermitForm form = new PermitForm(new PermitSettings("许可", "Permit",
                "[{\"name\":\"a\",\"labelZh\":\"甲\",\"labelEn\":\"A\",\"kind\":\"text\"}]", types, 5, 1, 5));
        FieldProblem problem = form.attachments().check(new Upload("fake.pdf", NOT_A_DOCUMENT)).orElseThrow();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Problems(messages, form).resolve(List.of(problem), locale).get(AttachmentRules.FIELD).getFirst();
    }
}
