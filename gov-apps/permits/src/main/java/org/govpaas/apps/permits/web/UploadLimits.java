package org.govpaas.apps.permits.web;

import jakarta.servlet.MultipartConfigElement;
import org.govpaas.apps.permits.form.AttachmentRules;
import org.govpaas.apps.permits.form.PermitForm;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * How much a form post may carry, derived from the deploy parameters instead of fixed numbers:
 * up to twice the per-file limit per file (at least 5 MB over it), so an ordinary oversized file
 * still reaches the form and is refused next to the field; anything beyond is refused with the
 * kit's 413 page ({@code OversizedUploads} reads the form first), before the app sees it. Parts above
 * 1 MB go to temporary files, not the heap.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    private static final long MB = 1024 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(PermitForm form) {
        AttachmentRules rules = form.attachments();
        long perFile = Math.max(2 * rules.maxBytes(), rules.maxBytes() + 5 * MB);
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(DataSize.ofBytes(perFile));
        factory.setMaxRequestSize(DataSize.ofBytes(perFile * Math.max(1, rules.maxCount()) + MB));
        factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
        return factory.createMultipartConfig();
    }
}
