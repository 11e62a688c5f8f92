package org.govpaas.platform.apps.web;

import java.util.List;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.apps.RetainedData;
import org.govpaas.platform.apps.RetainedDatabase;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The databases of deleted apps a department still keeps, and their explicit purge. */
@RestController
@RequestMapping("/api/v1/departments/{dept}/retained-databases")
class RetainedDataApiController {

    private final RetainedData retained;

    RetainedDataApiController(RetainedData retained) {
        this.retained = retained;
    }

    @GetMapping
    List<RetainedDatabase> list(Caller caller, @PathVariable("dept") String dept) {
        return retained.databases(caller, dept);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> purge(Caller caller, @PathVariable("dept") String dept, @PathVariable("id") long id) {
        retained.purge(caller, dept, id);
        return ResponseEntity.noContent().build();
    }
}
