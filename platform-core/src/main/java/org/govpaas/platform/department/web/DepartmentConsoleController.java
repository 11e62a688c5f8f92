package org.govpaas.platform.department.web;

import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Map;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.identity.adapter.DepartmentRole;
import org.govpaas.platform.department.Department;
import org.govpaas.platform.department.DepartmentChanges;
import org.govpaas.platform.department.DepartmentDraft;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.system.FieldValidationException;
import org.govpaas.platform.system.ServiceUnavailableException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's department pages: list, detail with members, create and edit forms. */
@Controller
@RequestMapping("/console/departments")
class DepartmentConsoleController {

    static final String LIST = "departments/list";
    static final String DETAIL = "departments/detail";
    static final String FORM = "departments/form";

    private final DepartmentService departments;
    private final MessageSource messages;

    DepartmentConsoleController(DepartmentService departments, MessageSource messages) {
        this.departments = departments;
        this.messages = messages;
    }

    @InitBinder
    void binder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String list(Caller caller, Model model) {
        model.addAttribute("departments", departments.list(caller));
        model.addAttribute("canCreate", caller.isPlatformAdmin());
        return LIST;
    }

    @GetMapping("/new")
    String newForm(Caller caller, Model model) {
        requirePlatformAdmin(caller);
        DepartmentFormModel.defaults(model);
        return FORM;
    }

    @PostMapping
    String create(Caller caller, @Valid @ModelAttribute("form") DepartmentDraft form, BindingResult result,
                  @RequestParam Map<String, String> submitted, Model model, Locale locale,
                  RedirectAttributes redirect) {
        requirePlatformAdmin(caller);
        if (result.hasErrors()) {
            DepartmentFormModel.rejected(model, false, submitted, result, messages, locale);
            return FORM;
        }
        try {
            Department created = departments.create(caller, form);
            redirect.addFlashAttribute("notice", "department.created");
            return "redirect:/console/departments/" + created.code();
        } catch (FieldValidationException e) {
            result.rejectValue(e.field(), "department.code.taken");
        } catch (ServiceUnavailableException e) {
            model.addAttribute("unavailable", true);
        }
        DepartmentFormModel.rejected(model, false, submitted, result, messages, locale);
        return FORM;
    }

    @GetMapping("/{dept}")
    String detail(Caller caller, @PathVariable("dept") String dept, Model model) {
        Department department = departments.get(caller, dept);
        model.addAttribute("department", department);
        model.addAttribute("canEdit", caller.isPlatformAdmin());
        boolean canManage = departments.canManageMembers(caller, dept);
        model.addAttribute("canManageMembers", canManage);
        model.addAttribute("roles", DepartmentRole.values());
        if (canManage) {
            try {
                model.addAttribute("members", departments.members(caller, dept));
            } catch (ServiceUnavailableException e) {
                model.addAttribute("membersUnavailable", true);
            }
        }
        return DETAIL;
    }

    @GetMapping("/{dept}/edit")
    String editForm(Caller caller, @PathVariable("dept") String dept, Model model) {
        Department d = departments.get(caller, dept);
        requirePlatformAdmin(caller);
        model.addAttribute("department", d);
        DepartmentFormModel.current(model, d);
        return FORM;
    }

    @PostMapping("/{dept}")
    String update(Caller caller, @PathVariable("dept") String dept,
                  @Valid @ModelAttribute("form") DepartmentChanges form, BindingResult result,
                  @RequestParam Map<String, String> submitted, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Department d = departments.get(caller, dept);
        requirePlatformAdmin(caller);
        if (result.hasErrors()) {
            model.addAttribute("department", d);
            DepartmentFormModel.rejected(model, true, submitted, result, messages, locale);
            return FORM;
        }
        departments.update(caller, dept, form);
        redirect.addFlashAttribute("notice", "department.updated");
        return "redirect:/console/departments/" + dept;
    }

    @PostMapping("/{dept}/members")
    String addMember(Caller caller, @PathVariable("dept") String dept, @RequestParam("username") String username,
                     @RequestParam("role") DepartmentRole role, RedirectAttributes redirect) {
        try {
            departments.addMember(caller, dept, username.strip(), role);
            redirect.addFlashAttribute("notice", "member.added");
        } catch (FieldValidationException e) {
            redirect.addFlashAttribute("memberError", "member.unknown");
        } catch (ServiceUnavailableException e) {
            redirect.addFlashAttribute("memberError", "identity.unavailable");
        }
        return "redirect:/console/departments/" + dept;
    }

    @PostMapping("/{dept}/members/remove")
    String removeMember(Caller caller, @PathVariable("dept") String dept, @RequestParam("username") String username,
                        @RequestParam("role") DepartmentRole role, RedirectAttributes redirect) {
        try {
            departments.removeMember(caller, dept, username, role);
            redirect.addFlashAttribute("notice", "member.removed");
        } catch (ServiceUnavailableException e) {
            redirect.addFlashAttribute("memberError", "identity.unavailable");
        }
        return "redirect:/console/departments/" + dept;
    }

    private static void requirePlatformAdmin(Caller caller) {
        if (!caller.isPlatformAdmin()) {
            throw new AccessDeniedException("platform admins only");
        }
    }
}
