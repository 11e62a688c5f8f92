package org.govpaas.apps.kit.signin;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a handler take {@link SignedInUser} as a parameter. Only the kit's URL rules decide who
 * reaches a handler; an anonymous request reaching one that needs a person is a programming error
 * (a handler outside {@code /my/**} or {@code /staff/**}) and fails loudly rather than serving data.
 */
final class SignedInUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return SignedInUser.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return SignedInUser.from(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new IllegalStateException("No signed-in person for "
                        + parameter.getMethod() + ": put handlers that need one under /my/** or /staff/**"));
    }
}
