package org.govpaas.apps.hotline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The three deploy-time lists, parsed once at start-up (a faulty one stops the app with a message
 * naming the parameter).
 */
public record HotlineChoices(Choices categories, Choices districts, Choices teams) {

    @Configuration(proxyBeanMethods = false)
    static class Setup {

        @Bean
        HotlineChoices hotlineChoices(HotlineSettings settings) {
            return new HotlineChoices(
                    Choices.parse("GOVPAAS_PARAM_CATEGORIES", settings.categories(), false),
                    Choices.parse("GOVPAAS_PARAM_DISTRICTS", settings.districts(), true),
                    Choices.parse("GOVPAAS_PARAM_TEAMS", settings.teams(), false));
        }
    }
}
