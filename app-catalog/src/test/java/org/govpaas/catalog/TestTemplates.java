package org.govpaas.catalog;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test resources by class-path name, as files. */
final class TestTemplates {

    private TestTemplates() {
    }

    static Path resource(String name) {
        URL url = TestTemplates.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static CatalogTemplate formDemo() {
        return CatalogLoader.readFile(resource("templates/form-demo.yaml"));
    }

    static CatalogTemplate noticeBoard() {
        return CatalogLoader.fromClasspath().template("notice-board").orElseThrow();
    }
}
