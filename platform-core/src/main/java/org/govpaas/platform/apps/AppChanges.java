package org.govpaas.platform.apps;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A change to a running app ({@code PATCH}); null leaves a field as it is. The isolation tier can
 * change too: an app deployed sandboxed must be able to go on where the sandbox has become
 * unavailable (say bubblewrap was removed), without a delete that leaves its data behind.
 */
public record AppChanges(
        @Min(0) @Max(20) Integer instances,
        @Min(64) @Max(16384) Integer memoryMb,
        @Size(max = 40) String version,
        @Size(max = 64) Map<String, Object> parameters,
        @Size(max = 40) String isolation) {
}
