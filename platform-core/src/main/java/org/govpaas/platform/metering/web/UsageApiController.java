package org.govpaas.platform.metering.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.metering.UsageReport;
import org.govpaas.platform.metering.UsageService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Usage", description = "Metered usage of a department's apps")
class UsageApiController {

    private final UsageService usage;

    UsageApiController(UsageService usage) {
        this.usage = usage;
    }

    @GetMapping("/api/v1/departments/{dept}/usage")
    @Operation(summary = "Usage per app and isolation tier from 'from' (inclusive) to 'to' (exclusive), dates "
            + "in the city's time zone; default the current month. Gaps list minutes with no sample.")
    UsageReport usage(Caller caller, @PathVariable("dept") String dept,
                      @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return usage.usage(caller, dept, from, to);
    }
}
