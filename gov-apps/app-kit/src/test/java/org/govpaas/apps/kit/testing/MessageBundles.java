package org.govpaas.apps.kit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What every service's {@code I18nSyncTest} reads from its message bundles, templates and code. A
 * key one language lacks, or a key a page names that no bundle has, shows the citizen the raw key,
 * and neither the compiler nor Thymeleaf says so before the page is opened. Each service keeps its
 * own rules (which string literals in its code are keys, which enum values need a text); finding
 * the keys is done here once, so that every service checks them the same way.
 *
 * <p>Bundles come from the test classpath (the module's own before the kit's test resources),
 * templates and sources from the module directory, where Surefire runs. The checks return every
 * culprit as a sorted line, "where: what", so that one failed {@code isEmpty()} names them all.
 * Needs nothing but the JDK: services that do not use the kit can take this test-jar alone.
 */
public final class MessageBundles {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");

    /** {@code #{key}}, {@code #{key(arguments)}} and {@code #messages.msg('key'...)}. */
    private static final Pattern TEMPLATE_KEY =
            Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]|#messages\\.msg\\('([a-zA-Z0-9_.-]+)'");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]+");
    private static final Pattern ASCII_PUNCTUATION_BY_CHINESE =
            Pattern.compile("[\\u4e00-\\u9fff][,.;:!?()]|[,.;:!?()][\\u4e00-\\u9fff]");

    private MessageBundles() {
    }

    /**
     * The keys of the given bundles together: a service whose pages also use the kit's texts passes
     * {@code "kit/messages.properties"} as well.
     */
    public static Set<String> keys(String... bundles) {
        Set<String> keys = new TreeSet<>();
        for (String bundle : bundles) {
            keys.addAll(load(bundle).stringPropertyNames());
        }
        return keys;
    }

    /** "only in bundle: key" for each key that one of the two bundles has and the other lacks. */
    public static Set<String> keysNotInBoth(String bundle, String other) {
        Set<String> keys = keys(bundle);
        Set<String> otherKeys = keys(other);
        Set<String> lonely = new TreeSet<>(onlyIn(bundle, keys, otherKeys));
        lonely.addAll(onlyIn(other, otherKeys, keys));
        return lonely;
    }

    private static List<String> onlyIn(String bundle, Set<String> keys, Set<String> otherKeys) {
        return keys.stream().filter(key -> !otherKeys.contains(key)).map(key -> "only in " + bundle + ": " + key).toList();
    }

    /** "template: key" for each key a template names that {@code keys} lacks. */
    public static Set<String> missingInTemplates(Set<String> keys) {
        return missing(TEMPLATES, ".html", TEMPLATE_KEY, keys, false);
    }

    /**
     * "source: key" for each string literal in the main Java sources that {@code quotedKey} takes
     * for a key (its first matching group) and {@code keys} lacks. A literal ending in "." is a
     * prefix the code completes with a name, so it is left to the service's own enum checks.
     */
    public static Set<String> missingInSources(Pattern quotedKey, Set<String> keys) {
        return missing(SOURCES, ".java", quotedKey, keys, true);
    }

    /**
     * "template: text" for each Chinese text a template holds outside comments: in a bilingual
     * page it can only be a literal someone forgot to move into the bundles, and English visitors
     * would see it.
     */
    public static Set<String> templatesWithChineseText() {
        Set<String> found = new TreeSet<>();
        for (Path template : templates()) {
            Matcher m = CHINESE.matcher(withoutComments(template));
            while (m.find()) {
                found.add(TEMPLATES.relativize(template) + ": " + m.group());
            }
        }
        return found;
    }

    /**
     * "bundle: key=text" for each text of a Chinese bundle in which ASCII punctuation
     * ({@code , . ; : ! ? ( )}) touches a Chinese character: Chinese sentences take the full-width
     * {@code ，。；：！？（）}, and a half-width comma among Chinese characters reads as a slip.
     * Times and numbers ({@code 8:30}, {@code 12.5}) touch no Chinese character and pass.
     */
    public static Set<String> asciiPunctuationInChinese(String bundle) {
        Properties texts = load(bundle);
        Set<String> found = new TreeSet<>();
        for (String key : texts.stringPropertyNames()) {
            if (ASCII_PUNCTUATION_BY_CHINESE.matcher(texts.getProperty(key)).find()) {
                found.add(bundle + ": " + key + "=" + texts.getProperty(key));
            }
        }
        return found;
    }

    /** Every template of the module, for checks a service makes of its own. */
    public static List<Path> templates() {
        return files(TEMPLATES, ".html");
    }

    /** The template as a visitor can see it: comments never reach the page. */
    public static String withoutComments(Path template) {
        return COMMENT.matcher(read(template)).replaceAll("");
    }

    private static Set<String> missing(Path root, String suffix, Pattern key, Set<String> keys, boolean skipPrefixes) {
        Set<String> missing = new TreeSet<>();
        for (Path file : files(root, suffix)) {
            Matcher m = key.matcher(read(file));
            while (m.find()) {
                String name = firstGroup(m);
                if (!keys.contains(name) && !(skipPrefixes && name.endsWith("."))) {
                    missing.add(root.relativize(file) + ": " + name);
                }
            }
        }
        return missing;
    }

    private static String firstGroup(Matcher m) {
        for (int group = 1; group <= m.groupCount(); group++) {
            if (m.group(group) != null) {
                return m.group(group);
            }
        }
        throw new IllegalArgumentException("no group of " + m.pattern() + " names the key");
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(String bundle) {
        InputStream in = MessageBundles.class.getClassLoader().getResourceAsStream(bundle);
        if (in == null) {
            throw new IllegalArgumentException(bundle + " is not on the test classpath");
        }
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
