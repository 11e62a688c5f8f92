package org.govpaas.platform.department;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A new department as submitted by the console form or {@code POST /api/v1/departments}.
 * The code becomes a Kubernetes namespace suffix and a Keycloak group name, hence a DNS label
 * short enough for {@code govpaas-<code>} to stay within 63 characters.
 */
public record DepartmentDraft(
        @NotBlank @Size(max = 40) @Pattern(regexp = DepartmentRules.CODE, message = "{department.code.invalid}")
        String code,
        @NotBlank @Size(max = 100) @Pattern(regexp = DepartmentRules.NAME, message = "{department.name.invalid}")
        String nameZh,
        @NotBlank @Size(max = 100) @Pattern(regexp = DepartmentRules.NAME, message = "{department.name.invalid}")
        String nameEn,
        @NotNull @Min(0) @Max(DepartmentRules.MAX_APPS) Integer maxApps,
        @NotNull @Min(0) @Max(DepartmentRules.MAX_INSTANCES) Integer maxInstances,
        @NotNull @Min(0) @Max(DepartmentRules.MAX_MEMORY_MIB) Integer maxMemoryMib,
        @NotNull @DecimalMin("0.00") @DecimalMax(DepartmentRules.MAX_BUDGET) @Digits(integer = 12, fraction = 2)
        BigDecimal monthlyBudget) {
}
