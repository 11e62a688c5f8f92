package org.govpaas.apps.permits.applications;

import java.util.List;
import org.govpaas.apps.permits.form.FieldProblem;

/**
 * What became of a citizen's or reviewer's form: done (with the application's reference) or
 * refused with the problems to show next to the fields, in which case nothing was stored.
 */
public record Outcome(String reference, List<FieldProblem> problems) {

    public Outcome {
        problems = List.copyOf(problems);
    }

    static Outcome done(String reference) {
        return new Outcome(reference, List.of());
    }

    static Outcome refused(List<FieldProblem> problems) {
        return new Outcome(null, problems);
    }

    public boolean isDone() {
        return problems.isEmpty();
    }
}
