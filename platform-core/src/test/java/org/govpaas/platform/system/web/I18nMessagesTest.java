package org.govpaas.platform.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every word a user reads comes from a message bundle, in both languages. Fails when a template
 * holds literal text or a user-visible attribute without a {@code th:} replacement, when a key
 * used by a template is missing from a bundle, or when the bundles differ in keys.
 */
class I18nMessagesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Set<String> VISIBLE_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "value");
    static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");
    static final Pattern ASCII_PUNCTUATION_BY_CHINESE =
            Pattern.compile("[\\u4e00-\\u9fff][,.;:!?()]|[,.;:!?()][\\u4e00-\\u9fff]");

    @Test
    void bundlesHaveTheSameKeys() throws IOException {
        Set<String> english = load("messages.properties").stringPropertyNames();
        Set<String> chinese = load("messages_zh_CN.properties").stringPropertyNames();
        assertThat(diff(english, chinese)).as("keys missing in messages_zh_CN.properties").isEmpty();
        assertThat(diff(chinese, english)).as("keys missing in messages.properties").isEmpty();
    }

    /** The rule of the citizen services' bundles (app kit's MessageBundles): 欢迎，… not 欢迎,… */
    @Test
    void chineseTextsUseChinesePunctuation() throws IOException {
        Properties chinese = load("messages_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).filteredOn(key -> ASCII_PUNCTUATION_BY_CHINESE
                .matcher(chinese.getProperty(key)).find()).isEmpty();
    }

    @Test
    void templatesUseOnlyExistingKeys() throws IOException {
        Set<String> english = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher m = LITERAL_KEY.matcher(Files.readString(template));
            while (m.find()) {
                if (!english.contains(m.group(1))) {
                    missing.add(template.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHoldNoUntranslatedText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            Document doc = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : doc.getAllElements()) {
                boolean replaced = element.hasAttr("th:text") || element.hasAttr("th:utext");
                for (TextNode text : element.textNodes()) {
                    if (!text.isBlank() && !replaced && !insideReplacedAncestor(element)) {
                        problems.add(template.getFileName() + ": text '" + text.text().strip() + "' in <"
                                + element.tagName() + ">");
                    }
                }
                for (String attribute : VISIBLE_ATTRIBUTES) {
                    if (element.hasAttr(attribute) && !element.attr(attribute).isBlank()
                            && !isNonVisibleValue(element, attribute)
                            && !element.hasAttr("th:" + attribute) && !element.attr("th:attr").contains(attribute + "=")) {
                        problems.add(template.getFileName() + ": attribute " + attribute + "='"
                                + element.attr(attribute) + "' in <" + element.tagName() + ">");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Placeholder text inside an element whose content is replaced as a whole never shows. */
    private static boolean insideReplacedAncestor(Element element) {
        for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
            if (parent.hasAttr("th:text") || parent.hasAttr("th:utext") || parent.hasAttr("th:replace")) {
                return true;
            }
        }
        return false;
    }

    /** A value is read only on buttons; on options, checkboxes and hidden inputs it is data. */
    private static boolean isNonVisibleValue(Element element, String attribute) {
        return attribute.equals("value") && !(element.tagName().equals("input")
                && Set.of("submit", "button", "reset").contains(element.attr("type")));
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(
                I18nMessagesTest.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static Set<String> diff(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
