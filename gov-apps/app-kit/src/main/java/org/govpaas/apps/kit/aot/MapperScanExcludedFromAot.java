package org.govpaas.apps.kit.aot;

import org.springframework.beans.factory.aot.BeanRegistrationExcludeFilter;
import org.springframework.beans.factory.support.RegisteredBean;

/**
 * The mapper scan happens once, at build time: its results are among the generated bean
 * definitions. Left in them, MyBatis's scanner would scan again at start and refuse to register
 * each mapper a second time.
 */
class MapperScanExcludedFromAot implements BeanRegistrationExcludeFilter {

    static final String SCANNER = "org.mybatis.spring.mapper.MapperScannerConfigurer";

    @Override
    public boolean isExcludedFromAotProcessing(RegisteredBean registeredBean) {
        return registeredBean.getBeanClass().getName().equals(SCANNER);
    }
}
