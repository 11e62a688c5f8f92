package org.govpaas.platform.apps;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A deploy from the catalog ({@code POST /api/v1/departments/{dept}/apps} or the console form).
 * Omitted sizes and parameters take the template version's defaults; the version defaults to the
 * newest enabled one.
 */
public record DeployRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "^[a-z]([-a-z0-9]*[a-z0-9])?$", message = "{app.name.invalid}")
        String name,
        @NotBlank @Size(max = 63) String template,
        @Size(max = 40) String version,
        @Min(0) @Max(20) Integer instances,
        @Min(64) @Max(16384) Integer memoryMb,
        @Size(max = 32) String isolation,
        @Size(max = 64) Map<String, Object> parameters) {
}
