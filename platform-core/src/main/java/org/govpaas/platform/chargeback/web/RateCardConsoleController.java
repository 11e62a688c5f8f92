package org.govpaas.platform.chargeback.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.chargeback.RateCardDraft;
import org.govpaas.platform.chargeback.RateCardService;
import org.govpaas.platform.system.FieldValidationException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Rate cards in the console: everybody reads them, platform admins add one. */
@Controller
class RateCardConsoleController {

    static final String LIST = "chargeback/rate-cards";
    static final String[] TIERS = {"process", "process-sandboxed", "standard", "hypervisor", "dedicated"};
    static final String[] PRICES = {"vcpuHour", "memoryGibHour", "storageGibMonth", "thousandRequests", "taxRate"};

    private final RateCardService rateCards;
    private final MessageSource messages;

    RateCardConsoleController(RateCardService rateCards, MessageSource messages) {
        this.rateCards = rateCards;
        this.messages = messages;
    }

    @GetMapping("/console/rate-cards")
    String list(Caller caller, Model model) {
        return render(caller, Map.of(), Map.of(), model);
    }

    @PostMapping("/console/rate-cards")
    String create(Caller caller, @RequestParam Map<String, String> form, Locale locale, Model model,
                  RedirectAttributes redirect) {
        if (!caller.isPlatformAdmin()) {
            throw new AccessDeniedException("only platform admins set rate cards");
        }
        Map<String, BigDecimal> tiers = new LinkedHashMap<>();
        for (String tier : TIERS) {
            String value = form.get("tier." + tier);
            if (value != null && !value.isBlank()) {
                tiers.put(tier, decimal(value));
            }
        }
        try {
            rateCards.create(caller, new RateCardDraft(date(form.get("validFrom")), decimal(form.get("vcpuHour")),
                    decimal(form.get("memoryGibHour")), decimal(form.get("storageGibMonth")),
                    decimal(form.get("thousandRequests")), decimal(form.get("taxRate")), tiers));
        } catch (FieldValidationException e) {
            return render(caller, form, e.errors(messages, locale), model);
        }
        redirect.addFlashAttribute("notice", "rateCard.created");
        return "redirect:/console/rate-cards";
    }

    private String render(Caller caller, Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("cards", rateCards.list().reversed());
        model.addAttribute("canCreate", caller.isPlatformAdmin());
        model.addAttribute("tiers", TIERS);
        model.addAttribute("prices", PRICES);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return LIST;
    }

    /** Unparseable text becomes a value the service refuses with its own message (-1 is negative). */
    private static BigDecimal decimal(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return BigDecimal.ONE.negate();
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
