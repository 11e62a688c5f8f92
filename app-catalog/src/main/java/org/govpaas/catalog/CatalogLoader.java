package org.govpaas.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads catalog templates from {@code catalog/*.yaml} files, one template per file named after
 * its id. Loading is all or nothing: a file that is not a valid template, or two files with the
 * same id, fail the whole load with a {@link CatalogException} naming the file and the field, so
 * a broken template stops the platform at start-up instead of failing a department's deploy.
 */
public final class CatalogLoader {

    /** Where templates live on the class path (this module's jar ships the platform's own). */
    public static final String CLASSPATH_PATTERN = "classpath*:catalog/*.yaml";

    // Duplicate keys would otherwise let the second silently win.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CatalogLoader() {
    }

    /** Every {@code catalog/*.yaml} on the class path of this class's loader. */
    public static Catalog fromClasspath() {
        return fromClasspath(CatalogLoader.class.getClassLoader());
    }

    /** Every {@code catalog/*.yaml} visible to {@code classLoader}, in every jar and directory. */
    public static Catalog fromClasspath(ClassLoader classLoader) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver(classLoader).getResources(CLASSPATH_PATTERN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + CLASSPATH_PATTERN, e);
        }
        Arrays.sort(resources, Comparator.comparing(Resource::getFilename)
                .thenComparing(Resource::getDescription));
        Map<String, String> seen = new HashMap<>();
        List<CatalogTemplate> templates = new ArrayList<>();
        for (Resource resource : resources) {
            String source = "catalog/" + resource.getFilename();
            try (InputStream in = resource.getInputStream()) {
                add(templates, seen, read(source, in), source, resource.getDescription());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource.getDescription(), e);
            }
        }
        return new Catalog(templates);
    }

    /** Every {@code *.yaml} directly in {@code directory} (e.g. a catalog kept outside jars). */
    public static Catalog fromDirectory(Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        Map<String, String> seen = new HashMap<>();
        List<CatalogTemplate> templates = new ArrayList<>();
        for (Path file : files) {
            add(templates, seen, readFile(file), sourceName(file), file.toString());
        }
        return new Catalog(templates);
    }

    /**
     * One template file; its messages name it as {@code <directory name>/<file name>}.
     *
     * @throws CatalogException when it is not a valid template
     */
    public static CatalogTemplate readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(sourceName(file), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * One template from YAML text.
     *
     * @param source how messages name it, ending in {@code <template-id>.yaml}
     * @throws CatalogException when it is not a valid template
     */
    public static CatalogTemplate read(String source, InputStream yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new CatalogException(source, List.of("(file): not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        }
        String fileName = source.substring(source.lastIndexOf('/') + 1);
        String fileId = fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5) : fileName;
        return TemplateReader.read(source, fileId, root);
    }

    private static void add(List<CatalogTemplate> templates, Map<String, String> seen,
                            CatalogTemplate template, String source, String location) {
        String first = seen.putIfAbsent(template.id(), location);
        if (first != null) {
            throw new CatalogException(source, List.of(
                    "id: duplicate template id " + template.id() + " (in " + location + " and " + first + ")"));
        }
        templates.add(template);
    }

    private static String sourceName(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        String directory = parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "/";
        return directory + file.getFileName();
    }
}
