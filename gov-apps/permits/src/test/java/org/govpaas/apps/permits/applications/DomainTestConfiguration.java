package org.govpaas.apps.permits.applications;

import org.apache.ibatis.annotations.Mapper;
import org.govpaas.apps.permits.TestClockConfiguration;
import org.govpaas.apps.permits.form.PermitForm;
import org.govpaas.apps.permits.form.PermitSettings;
import org.mybatis.spring.annotation.MapperScan;
import org.mybatis.spring.boot.autoconfigure.MybatisAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The domain without the web: the real schema (Flyway), the real mappers on a real PostgreSQL,
 * the services and the form from application.yml's defaults, the city's clock pinned. No sign-in, so these tests need no
 * Keycloak and run in seconds.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class, FlywayAutoConfiguration.class, MybatisAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class})
@EnableConfigurationProperties(PermitSettings.class)
@MapperScan(basePackages = "org.govpaas.apps.permits.applications", annotationClass = Mapper.class)
@Import({PermitForm.class, Applications.class, Reviews.class, TestClockConfiguration.class})
class DomainTestConfiguration {
}
