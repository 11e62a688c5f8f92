package org.govpaas.apps.permits.form;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The deploy parameters, as the platform passes them ({@code GOVPAAS_PARAM_PERMIT_NAME_ZH} and so
 * on, mapped in application.yml). The catalog's JSON Schema allows only scalar parameters and
 * the console renders each as one input, so the fields travel as one JSON text
 * ({@link FormDefinition#parse}) and the file types as a comma-separated list.
 *
 * @param permitNameZh       the permit type in Chinese, e.g. 临时占用城市道路许可
 * @param permitNameEn       the permit type in English
 * @param fields             JSON array of field definitions, see {@link FormDefinition}
 * @param attachmentTypes    comma-separated: pdf, jpeg, png
 * @param attachmentMaxMb    the largest file accepted, in MiB
 * @param attachmentMinCount how many files an application must carry at least
 * @param attachmentMaxCount how many files an application may carry at most
 */
@Validated
@ConfigurationProperties("permits")
public record PermitSettings(@NotBlank @Size(max = 100) String permitNameZh,
                             @NotBlank @Size(max = 100) String permitNameEn,
                             @NotBlank @Size(max = 2000) String fields,
                             @NotBlank @Size(max = 100) String attachmentTypes,
                             @Min(1) @Max(20) int attachmentMaxMb,
                             @Min(0) @Max(10) int attachmentMinCount,
                             @Min(0) @Max(10) int attachmentMaxCount) {
}
