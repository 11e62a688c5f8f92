package org.govpaas.platform.apps.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.apps.App;
import org.govpaas.platform.apps.AppChanges;
import org.govpaas.platform.apps.AppEvent;
import org.govpaas.platform.apps.AppService;
import org.govpaas.platform.system.PublicUrls;
import org.govpaas.platform.apps.DeployRequest;
import org.govpaas.runtime.LogLine;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1/departments/{dept}/apps")
@Tag(name = "Apps", description = "Deploy catalog templates into a department and operate them")
class AppApiController {

    private final AppService apps;
    private final PublicUrls publicUrls;

    AppApiController(AppService apps, PublicUrls publicUrls) {
        this.apps = apps;
        this.publicUrls = publicUrls;
    }

    @GetMapping
    @Operation(summary = "The department's apps")
    List<AppView> list(Caller caller, @PathVariable("dept") String dept) {
        return apps.list(caller, dept).stream().map(a -> AppView.of(a, publicUrls.base())).toList();
    }

    @PostMapping
    @Operation(summary = "Deploy a catalog template; answers 202 and the app, whose status then progresses")
    ResponseEntity<AppView> deploy(Caller caller, @PathVariable("dept") String dept,
                                   @Valid @RequestBody DeployRequest request) {
        App app = apps.deploy(caller, dept, request);
        return ResponseEntity.accepted().location(URI.create("/api/v1/departments/" + dept + "/apps/" + app.name()))
                .body(AppView.of(app, publicUrls.base()));
    }

    @GetMapping("/{app}")
    @Operation(summary = "One app with its status")
    AppView get(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String app) {
        return AppView.of(apps.get(caller, dept, app), publicUrls.base());
    }

    @PatchMapping("/{app}")
    @Operation(summary = "Scale, change memory or parameters, or upgrade to another version")
    ResponseEntity<AppView> change(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String app,
                                   @Valid @RequestBody AppChanges changes) {
        return ResponseEntity.accepted().body(AppView.of(apps.change(caller, dept, app, changes), publicUrls.base()));
    }

    @PostMapping("/{app}/stop")
    @Operation(summary = "Stop every instance; the app and its data stay")
    ResponseEntity<AppView> stop(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String app) {
        return ResponseEntity.accepted().body(AppView.of(apps.stop(caller, dept, app), publicUrls.base()));
    }

    @PostMapping("/{app}/start")
    @Operation(summary = "Start a stopped app")
    ResponseEntity<AppView> start(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String app) {
        return ResponseEntity.accepted().body(AppView.of(apps.start(caller, dept, app), publicUrls.base()));
    }

    @PostMapping("/{app}/restart")
    @Operation(summary = "Replace every instance, one at a time")
    ResponseEntity<AppView> restart(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String app) {
        return ResponseEntity.accepted().body(AppView.of(apps.restart(caller, dept, app), publicUrls.base()));
    }

    @DeleteMapping("/{app}")
    @Operation(summary = "Delete the app; its database is kept unless purgeData=true")
    ResponseEntity<AppView> delete(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String app,
                                   @RequestParam(name = "purgeData", defaultValue = "false") boolean purgeData) {
        return ResponseEntity.accepted().body(AppView.of(apps.delete(caller, dept, app, purgeData), publicUrls.base()));
    }

    @GetMapping("/{app}/events")
    @Operation(summary = "What happened to the app, newest first")
    List<AppEvent> events(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String app) {
        return apps.events(caller, dept, app);
    }

    /** {@code ?follow=true}: the newest lines, then every new line as a server-sent event. */
    @GetMapping(path = "/{app}/logs", params = "follow=true")
    @Operation(summary = "Follow the app's output as server-sent events (developers of the department)")
    SseEmitter followLogs(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String app,
                          @RequestParam(name = "tail", defaultValue = "50") int tail) throws java.io.IOException {
        SseEmitter emitter = new SseEmitter(java.time.Duration.ofMinutes(30).toMillis());
        for (LogLine line : apps.logs(caller, dept, app, tail)) {
            emitter.send(SseEmitter.event().name("line").data(line));
        }
        AutoCloseable follow = apps.followLogs(caller, dept, app, line -> {
            try {
                emitter.send(SseEmitter.event().name("line").data(line));
            } catch (java.io.IOException | IllegalStateException gone) {
                emitter.complete();
            }
        });
        Runnable stop = () -> {
            try {
                follow.close();
            } catch (Exception ignored) {
                // already closed
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(e -> stop.run());
        return emitter;
    }

    @GetMapping("/{app}/logs")
    @Operation(summary = "The newest output lines of the app's instances (developers of the department)")
    List<LogLine> logs(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String app,
                       @RequestParam(name = "tail", defaultValue = "200") int tail) {
        return apps.logs(caller, dept, app, tail);
    }
}
