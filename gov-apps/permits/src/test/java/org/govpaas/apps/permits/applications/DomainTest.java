package org.govpaas.apps.permits.applications;

import org.govpaas.apps.kit.testing.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The domain on a real PostgreSQL of its own (see {@link DomainTestConfiguration}); subclasses
 * share one context and database, so each test creates its own citizens and staff.
 */
@SpringBootTest(classes = DomainTestConfiguration.class)
abstract class DomainTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.create().properties().forEach((k, v) -> registry.add(k, () -> v));
    }
}
