package org.govpaas.catalog;

import java.util.ArrayList;
import java.util.List;

/** What is wrong with one template file so far: all of it is reported at once, not one by one. */
final class Problems {

    private final List<String> problems = new ArrayList<>();

    void add(String field, String message) {
        problems.add(field + ": " + message);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    /** @throws CatalogException naming the file when anything was found */
    void throwIfAny(String source) {
        if (!problems.isEmpty()) {
            throw new CatalogException(source, problems);
        }
    }
}
