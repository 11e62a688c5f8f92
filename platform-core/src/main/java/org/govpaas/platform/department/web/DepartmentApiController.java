package org.govpaas.platform.department.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.department.Department;
import org.govpaas.platform.department.DepartmentChanges;
import org.govpaas.platform.department.DepartmentDraft;
import org.govpaas.platform.department.DepartmentService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/departments")
@Tag(name = "Departments", description = "The platform's tenants: quota, budget and staff groups")
class DepartmentApiController {

    private final DepartmentService departments;

    DepartmentApiController(DepartmentService departments) {
        this.departments = departments;
    }

    @GetMapping
    @Operation(summary = "Departments the caller may see: all for platform admins and the IT office, otherwise their own")
    List<DepartmentView> list(Caller caller) {
        return departments.list(caller).stream().map(DepartmentView::of).toList();
    }

    @GetMapping("/{dept}")
    @Operation(summary = "One department; another department's answers 404 like a missing one")
    DepartmentView get(Caller caller, @PathVariable("dept") String dept) {
        return DepartmentView.of(departments.get(caller, dept));
    }

    @PostMapping
    @Operation(summary = "Create a department and its Keycloak group (platform admins)")
    ResponseEntity<DepartmentView> create(Caller caller, @Valid @RequestBody DepartmentDraft draft) {
        Department created = departments.create(caller, draft);
        return ResponseEntity.created(URI.create("/api/v1/departments/" + created.code()))
                .body(DepartmentView.of(created));
    }

    @PatchMapping("/{dept}")
    @Operation(summary = "Change names, quota or budget (platform admins); the code never changes")
    DepartmentView update(Caller caller, @PathVariable("dept") String dept,
                          @Valid @RequestBody DepartmentChanges changes) {
        return DepartmentView.of(departments.update(caller, dept, changes));
    }

    /** The same field names as the create and change requests. */
    record DepartmentView(String code, String nameZh, String nameEn, int maxApps, int maxInstances,
                          int maxMemoryMib, BigDecimal monthlyBudget, Instant createdAt, Instant updatedAt) {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.code(), d.nameZh(), d.nameEn(), d.maxApps(), d.maxInstances(),
                    d.maxMemoryMib(), d.monthlyBudget(), d.createdAt(), d.updatedAt());
        }
    }
}
