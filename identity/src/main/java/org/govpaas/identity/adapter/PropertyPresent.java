package org.govpaas.identity.adapter;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when a property holds text; an empty environment variable counts as absent. */
abstract class PropertyPresent implements Condition {

    private final String property;

    PropertyPresent(String property) {
        this.property = property;
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty(property));
    }
}
