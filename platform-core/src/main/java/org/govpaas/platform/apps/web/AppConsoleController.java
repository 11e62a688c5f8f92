package org.govpaas.platform.apps.web;

import java.util.List;
import java.util.Locale;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.apps.App;
import org.govpaas.platform.apps.AppChanges;
import org.govpaas.platform.apps.AppService;
import org.govpaas.platform.apps.RetainedData;
import org.govpaas.platform.system.PublicUrls;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.system.FieldValidationException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A department's apps in the console: the list, one app's live status, and its operations. */
@Controller
@RequestMapping("/console/departments/{dept}/apps")
class AppConsoleController {

    static final String LIST = "apps/list";
    static final String DETAIL = "apps/detail";
    static final String STATUS = "apps/detail :: live";
    static final String OUTPUT = "apps/detail :: output";
    /** How many of the newest output lines the app's page shows (and keeps showing as they come). */
    static final int OUTPUT_LINES = 200;

    private final AppService apps;
    private final RetainedData retained;
    private final DepartmentService departments;
    private final PublicUrls publicUrls;
    private final MessageSource messages;

    AppConsoleController(AppService apps, RetainedData retained, DepartmentService departments, PublicUrls publicUrls,
                         MessageSource messages) {
        this.apps = apps;
        this.retained = retained;
        this.departments = departments;
        this.publicUrls = publicUrls;
        this.messages = messages;
    }

    @GetMapping
    String list(Caller caller, @PathVariable("dept") String dept, Model model) {
        model.addAttribute("department", departments.get(caller, dept));
        model.addAttribute("apps", apps.list(caller, dept));
        model.addAttribute("canOperate", apps.canOperate(caller, dept));
        model.addAttribute("retained", retained.databases(caller, dept));
        return LIST;
    }

    /** Irreversible, so the developer must tick the confirmation; without it nothing is dropped. */
    @PostMapping("/retained-databases/{id}/purge")
    String purgeRetained(Caller caller, @PathVariable("dept") String dept, @PathVariable("id") long id,
                         @RequestParam(name = "confirm", defaultValue = "false") boolean confirm,
                         RedirectAttributes redirect) {
        if (!confirm) {
            retained.databases(caller, dept); // the same 404 for another department, before anything else
            redirect.addFlashAttribute("notice", "apps.retained.confirmRequired");
        } else {
            retained.purge(caller, dept, id);
            redirect.addFlashAttribute("notice", "apps.retained.purged");
        }
        return "redirect:/console/departments/" + dept + "/apps";
    }

    @GetMapping("/{app}")
    String detail(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String name, Model model) {
        live(caller, dept, name, model);
        model.addAttribute("department", departments.get(caller, dept));
        boolean canOperate = apps.canOperate(caller, dept);
        model.addAttribute("canOperate", canOperate);
        model.addAttribute("logs", canOperate ? apps.logs(caller, dept, name, OUTPUT_LINES) : List.of());
        return DETAIL;
    }

    /** The part of the detail page that follows the app's output: its newest lines, for developers. */
    @GetMapping("/{app}/output")
    String outputFragment(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String name,
                          Model model) {
        model.addAttribute("app", apps.get(caller, dept, name));
        model.addAttribute("logs", apps.logs(caller, dept, name, OUTPUT_LINES));
        return OUTPUT;
    }

    /** The part of the detail page the browser refreshes every few seconds. */
    @GetMapping("/{app}/live")
    String liveFragment(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String name,
                        Model model) {
        live(caller, dept, name, model);
        return STATUS;
    }

    @PostMapping("/{app}/scale")
    String scale(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String name,
                 @RequestParam("instances") String instances, @RequestParam("memoryMb") String memoryMb,
                 Locale locale, RedirectAttributes redirect) {
        return change(() -> apps.change(caller, dept, name, new AppChanges(FormNumbers.wholeNumber(instances, "instances"),
                FormNumbers.wholeNumber(memoryMb, "memoryMb"), null, null, null)), dept, name, locale, redirect);
    }

    @PostMapping("/{app}/stop")
    String stop(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String name,
                Locale locale, RedirectAttributes redirect) {
        return change(() -> apps.stop(caller, dept, name), dept, name, locale, redirect);
    }

    @PostMapping("/{app}/start")
    String start(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String name,
                 Locale locale, RedirectAttributes redirect) {
        return change(() -> apps.start(caller, dept, name), dept, name, locale, redirect);
    }

    @PostMapping("/{app}/restart")
    String restart(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String name,
                   Locale locale, RedirectAttributes redirect) {
        return change(() -> apps.restart(caller, dept, name), dept, name, locale, redirect);
    }

    @PostMapping("/{app}/delete")
    String delete(Caller caller, @PathVariable("dept") String dept, @PathVariable("app") String name,
                  @RequestParam(name = "purgeData", defaultValue = "false") boolean purgeData,
                  RedirectAttributes redirect) {
        try {
            apps.delete(caller, dept, name, purgeData);
            redirect.addFlashAttribute("notice", purgeData ? "app.deletedPurged" : "app.deletedRetained");
        } catch (FieldValidationException e) {
            redirect.addFlashAttribute("notice", "app.deleting"); // a second click: the first one is at work
        }
        return "redirect:/console/departments/" + dept + "/apps";
    }

    /**
     * Asks for a change; a refused one (bad numbers, the quota, an app being deleted) is said on
     * the app's page in the reader's language instead of an error page.
     */
    private String change(Runnable action, String dept, String name, Locale locale, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", "app.changeAccepted");
        } catch (FieldValidationException e) {
            redirect.addFlashAttribute("appErrors", e.errors(messages, locale));
        }
        return back(dept, name);
    }

    private void live(Caller caller, String dept, String name, Model model) {
        App app = apps.get(caller, dept, name);
        model.addAttribute("app", app);
        model.addAttribute("appUrl", publicUrls.base() + app.routePath());
        model.addAttribute("events", apps.events(caller, dept, name));
    }

    private static String back(String dept, String name) {
        return "redirect:/console/departments/" + dept + "/apps/" + name;
    }
}
