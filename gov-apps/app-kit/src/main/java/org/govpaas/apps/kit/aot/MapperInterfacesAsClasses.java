package org.govpaas.apps.kit.aot;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.util.ClassUtils;

/**
 * MyBatis's scanner gives each mapper's factory its interface by name. Spring converts the name
 * when it builds the factory by reflection, but the code generated at build time passes it as
 * it is, and the factory's only constructor takes a {@code Class}: so the interface itself is put
 * in the definition, which both ways of starting accept.
 */
class MapperInterfacesAsClasses implements BeanFactoryPostProcessor {

    static final String FACTORY = "org.mybatis.spring.mapper.MapperFactoryBean";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (!FACTORY.equals(definition.getBeanClassName())) {
                continue;
            }
            for (ValueHolder argument : definition.getConstructorArgumentValues().getGenericArgumentValues()) {
                if (argument.getValue() instanceof String interfaceName) {
                    argument.setValue(ClassUtils.resolveClassName(interfaceName, beanFactory.getBeanClassLoader()));
                }
            }
        }
    }
}
