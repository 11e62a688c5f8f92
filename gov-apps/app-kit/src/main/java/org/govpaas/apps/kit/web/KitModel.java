package org.govpaas.apps.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.govpaas.apps.kit.signin.SignedInUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What the shared layout shows on every page: who is signed in ({@code kitUser}, null when no one
 * is: the header then offers sign-in) and the page's language ({@code kitLang}, {@code zh-CN} or
 * {@code en}, for the {@code lang} attribute), without each app's controllers having to add them.
 *
 * <p>Request attributes set before the handler runs, not model attributes: a page an
 * {@code @ExceptionHandler} draws gets no model attributes, and lost its language and the
 * signed-in name. Registered after the language switch, so a {@code ?lang=} is already applied.
 */
public class KitModel implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute("kitUser",
                SignedInUser.from(SecurityContextHolder.getContext().getAuthentication()).orElse(null));
        Locale locale = RequestContextUtils.getLocale(request);
        request.setAttribute("kitLang", Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "zh-CN");
        return true;
    }
}
