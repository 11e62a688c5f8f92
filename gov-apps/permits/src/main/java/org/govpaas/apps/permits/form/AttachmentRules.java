package org.govpaas.apps.permits.form;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which documents an application carries: allowed types, the largest file and how many.
 *
 * @param types    allowed types, never empty
 * @param maxBytes largest accepted file
 * @param minCount fewest files an application may have
 * @param maxCount most files an application may have
 */
public record AttachmentRules(Set<FileType> types, long maxBytes, int minCount, int maxCount) {

    public static final String FIELD = "files";

    public AttachmentRules {
        types = Set.copyOf(types);
    }

    /** Parses {@code pdf,jpeg,png}; every problem named in the exception's message. */
    public static AttachmentRules of(String typeList, int maxMb, int minCount, int maxCount) {
        Set<FileType> types = EnumSet.noneOf(FileType.class);
        List<String> problems = new ArrayList<>();
        for (String name : typeList.split(",")) {
            Optional<FileType> type = FileType.byName(name);
            if (type.isPresent()) {
                types.add(type.get());
            } else if (!name.isBlank()) {
                problems.add("attachmentTypes: " + name.strip() + " is not one of pdf, jpeg, png");
            }
        }
        if (types.isEmpty() && problems.isEmpty()) {
            problems.add("attachmentTypes: name at least one of pdf, jpeg, png");
        }
        if (minCount > maxCount) {
            problems.add("attachmentMinCount (" + minCount + ") must not exceed attachmentMaxCount (" + maxCount + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new AttachmentRules(types, maxMb * 1024L * 1024L, minCount, maxCount);
    }

    public int maxMb() {
        return (int) (maxBytes / (1024 * 1024));
    }

    /** Allowed file endings for the page's hint and the file input's {@code accept}, e.g. {@code .pdf,.jpg}. */
    public String accept() {
        return String.join(",", types.stream().sorted().flatMap(t -> t.extensions().stream()).map(e -> "." + e).toList());
    }

    /** Allowed types for the hint, e.g. {@code PDF, JPEG, PNG}. */
    public String typeNames() {
        return String.join(", ", types.stream().sorted().map(Enum::name).toList());
    }

    /**
     * The problem of one uploaded file, or empty when it may be kept. A file whose content is an
     * allowed type under a name of another type (a PNG called {@code x.pdf}) is refused too: the
     * citizen would otherwise get back something else than they think they sent.
     */
    public Optional<FieldProblem> check(Upload upload) {
        String name = upload.safeName();
        if (upload.size() == 0) {
            return Optional.of(new FieldProblem(FIELD, "upload.error.empty", name));
        }
        if (upload.size() > maxBytes) {
            return Optional.of(new FieldProblem(FIELD, "upload.error.tooLarge", name, maxMb()));
        }
        Optional<FileType> sniffed = FileType.sniff(upload.content());
        if (sniffed.isEmpty() || !types.contains(sniffed.get())) {
            return Optional.of(new FieldProblem(FIELD, "upload.error.type", name,
                    new Alternatives(types.stream().sorted().map(Enum::name).toList())));
        }
        if (!sniffed.get().matchesName(name)) {
            return Optional.of(new FieldProblem(FIELD, "upload.error.nameMismatch", name, sniffed.get().name()));
        }
        return Optional.empty();
    }

    /** The problem of how many files an application would have, or empty. */
    public Optional<FieldProblem> checkCount(int count) {
        if (count < minCount) {
            return Optional.of(new FieldProblem(FIELD, "upload.error.tooFew", minCount));
        }
        if (count > maxCount) {
            return Optional.of(new FieldProblem(FIELD, "upload.error.tooMany", maxCount));
        }
        return Optional.empty();
    }
}
