package org.govpaas.apps.kit.web;

import java.util.Locale;
import org.govpaas.apps.kit.signin.SignedInUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared layout shows on every page (error pages included): who is signed in and the
 * page's language, without each app's controllers having to add them.
 */
@ControllerAdvice
public class KitModel {

    /** The signed-in person, or null: the header then offers sign-in. */
    @ModelAttribute("kitUser")
    public SignedInUser kitUser() {
        return SignedInUser.from(SecurityContextHolder.getContext().getAuthentication()).orElse(null);
    }

    /** {@code zh-CN} or {@code en}, for the {@code lang} attribute of the page. */
    @ModelAttribute("kitLang")
    public String kitLang(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "zh-CN";
    }
}
