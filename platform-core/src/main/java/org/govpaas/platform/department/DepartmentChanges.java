package org.govpaas.platform.department;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A partial update ({@code PATCH}): a null field stays as it is. The code never changes: it
 * names the department's group, namespace and statements.
 */
public record DepartmentChanges(
        @Size(min = 1, max = 100) @Pattern(regexp = DepartmentRules.NAME, message = "{department.name.invalid}")
        String nameZh,
        @Size(min = 1, max = 100) @Pattern(regexp = DepartmentRules.NAME, message = "{department.name.invalid}")
        String nameEn,
        @Min(0) @Max(DepartmentRules.MAX_APPS) Integer maxApps,
        @Min(0) @Max(DepartmentRules.MAX_INSTANCES) Integer maxInstances,
        @Min(0) @Max(DepartmentRules.MAX_MEMORY_MIB) Integer maxMemoryMib,
        @DecimalMin("0.00") @DecimalMax(DepartmentRules.MAX_BUDGET) @Digits(integer = 12, fraction = 2)
        BigDecimal monthlyBudget) {
}
