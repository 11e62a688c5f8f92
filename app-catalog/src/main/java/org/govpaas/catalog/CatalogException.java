package org.govpaas.catalog;

import java.util.List;

/**
 * A catalog that cannot be loaded: a template file is broken, or two templates collide. The
 * platform refuses to start with it rather than offer a template it cannot deploy safely.
 *
 * <p>The message has one line per problem, each {@code <file>: <field>: <what is wrong>}, e.g.
 * {@code catalog/notice-board.yaml: versions[0].memoryMb.max: must be >= default (256)}.
 */
public class CatalogException extends RuntimeException {

    private final String source;
    private final List<String> problems;

    /**
     * @param source   the template file, as found on the class path or in the directory
     * @param problems each {@code <field>: <what is wrong>}
     */
    public CatalogException(String source, List<String> problems) {
        super(String.join("\n", problems.stream().map(p -> source + ": " + p).toList()));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The template file that was refused. */
    public String source() {
        return source;
    }

    /** Each problem as {@code <field>: <what is wrong>}, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
