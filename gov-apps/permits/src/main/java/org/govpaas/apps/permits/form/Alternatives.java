package org.govpaas.apps.permits.form;

import java.util.List;

/**
 * A message argument naming choices of which one is meant, e.g. the file types a document may
 * have. Shown as the reader's language lists alternatives ("PDF, JPEG or PNG", "PDF、JPEG 或
 * PNG"), which a fixed separator in the message cannot do.
 *
 * @param names the choices in the order they are read, at least one
 */
public record Alternatives(List<String> names) {

    public Alternatives {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no alternatives");
        }
    }
}
