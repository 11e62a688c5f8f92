package org.govpaas.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Turns one parsed template file into a {@link CatalogTemplate}, or refuses it with every problem. */
final class TemplateReader {

    // RFC 1035 label, as Kubernetes requires of Service names: the id ends up in many names.
    static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

    private TemplateReader() {
    }

    /**
     * @param source   the file as reported in messages, e.g. {@code catalog/notice-board.yaml}
     * @param fileId   the file name without {@code .yaml}, which the id must equal
     * @throws CatalogException naming the file and each broken field
     */
    static CatalogTemplate read(String source, String fileId, JsonNode root) {
        Problems problems = new Problems();
        Fields fields = Fields.of(root, "", problems);
        if (fields == null) {
            problems.throwIfAny(source);
        }
        fields.allowOnly("id", "name", "description", "category", "versions");
        String id = fields.string("id", 63);
        if (id != null && !DNS_LABEL.matcher(id).matches()) {
            problems.add("id", "must be a DNS label (a-z, 0-9 and '-', starting with a letter, at most 63)");
        } else if (id != null && !id.equals(fileId)) {
            problems.add("id", "must equal the file name (" + fileId + ")");
        }
        LocalizedText name = localized(fields, "name", 100);
        LocalizedText description = localized(fields, "description", 2000);
        Category category = fields.label("category", Category::fromLabel,
                Fields.known(Arrays.stream(Category.values()).map(Category::label)));
        List<TemplateVersion> versions = versions(fields, problems);
        problems.throwIfAny(source);
        return new CatalogTemplate(id, name, description, category, versions);
    }

    private static LocalizedText localized(Fields parent, String name, int maxLength) {
        Fields text = parent.object(name);
        if (text == null) {
            return null;
        }
        text.allowOnly("zh", "en");
        String zh = text.string("zh", maxLength);
        String en = text.string("en", maxLength);
        return zh == null || en == null ? null : new LocalizedText(zh, en);
    }

    private static List<TemplateVersion> versions(Fields fields, Problems problems) {
        List<JsonNode> items = fields.list("versions", true, false);
        if (items == null) {
            return null;
        }
        List<TemplateVersion> versions = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < items.size(); i++) {
            String path = "versions[" + i + "]";
            Fields item = Fields.of(items.get(i), path, problems);
            TemplateVersion version = item == null ? null : VersionReader.read(item);
            if (version == null) {
                continue;
            }
            if (previous != null && VersionOrder.compare(previous, version.version()) == 0) {
                problems.add(path + ".version", "duplicate version " + version.version());
            } else if (previous != null && VersionOrder.compare(previous, version.version()) > 0) {
                problems.add(path + ".version",
                        "must be newer than " + previous + " (list versions oldest first)");
            }
            previous = version.version();
            versions.add(version);
        }
        return versions;
    }
}
