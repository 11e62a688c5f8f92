package org.govpaas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CatalogLoaderTest {

    @Test
    void shippedCatalogLoadsWithNoticeBoard() {
        Catalog catalog = CatalogLoader.fromClasspath();

        CatalogTemplate board = catalog.template("notice-board").orElseThrow();
        assertThat(board.name()).isEqualTo(new LocalizedText("公告栏", "Notice board"));
        assertThat(board.name().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("公告栏");
        assertThat(board.description().en()).contains("public notices");
        assertThat(board.category()).isEqualTo(Category.CITIZEN_SERVICES);
        assertThat(board.category().zh()).isEqualTo("市民服务");
        assertThat(catalog.byCategory(Category.CITIZEN_SERVICES)).contains(board);
        assertThat(catalog.byCategory(Category.CITY_MANAGEMENT)).doesNotContain(board);
        assertThat(catalog.template("no-such-app")).isEmpty();

        TemplateVersion v1 = board.version("1.0.0").orElseThrow();
        // Versions are listed oldest first; 1.1.0 adds a parameter on the same build of the app.
        assertThat(board.latest().version()).isEqualTo("1.1.0");
        assertThat(board.latest().parameters().fields()).extracting(ParameterField::name).contains("contact");
        assertThat(v1.parameters().fields()).extracting(ParameterField::name).doesNotContain("contact");
        assertThat(catalog.version("notice-board", "9.9.9")).isEmpty();
        assertThat(v1.jar().toRepositoryPath())
                .isEqualTo("org/govpaas/apps/notice-board/0.1.0-SNAPSHOT/notice-board-0.1.0-SNAPSHOT.jar");
        assertThat(v1.image()).isEqualTo("registry.govpaas.local/gov-apps/notice-board:0.1.0");
        assertThat(v1.instances()).isEqualTo(new TemplateVersion.Limits(0, 1, 3));
        assertThat(v1.memoryMb()).isEqualTo(new TemplateVersion.Limits(256, 256, 1024));
        assertThat(v1.health()).isEqualTo(new TemplateVersion.Health("/actuator/health/readiness", 60));
        assertThat(v1.services()).isEmpty();
        assertThat(v1.needs(PlatformService.DATABASE)).isFalse();
        assertThat(v1.signIn()).isEqualTo(SignIn.NONE);
        assertThat(v1.isolation()).containsExactly("process", "process-sandboxed", "standard", "hypervisor");
        assertThat(v1.allowsIsolation("dedicated")).isFalse();
        assertThat(v1.sensitive()).isFalse();
        assertThat(v1.parameters().fields()).extracting(ParameterField::name)
                .containsExactly("title", "welcome", "theme");
    }

    @Test
    void versionsAreOrderedOldestFirstAndEveryFieldIsRead() {
        CatalogTemplate demo = TestTemplates.formDemo();

        assertThat(demo.versions()).extracting(TemplateVersion::version).containsExactly("1.0.0-rc.1", "1.0.0");
        assertThat(demo.latest().version()).isEqualTo("1.0.0");
        assertThat(demo.version("1.0.0-rc.1").orElseThrow().image()).contains("@sha256:");
        TemplateVersion latest = demo.latest();
        assertThat(latest.services()).containsExactly(PlatformService.DATABASE);
        assertThat(latest.signIn()).isEqualTo(SignIn.BOTH);
        assertThat(latest.signIn().citizens()).isTrue();
        assertThat(latest.signIn().staff()).isTrue();
        assertThat(latest.sensitive()).isTrue();
        assertThat(latest.isolation()).containsExactly("process-sandboxed", "hypervisor", "dedicated");
    }

    @Test
    void directoryLoadsEveryTemplateInIt(@TempDir Path dir) throws IOException {
        Files.copy(TestTemplates.resource("catalog/notice-board.yaml"), dir.resolve("notice-board.yaml"));
        Files.copy(TestTemplates.resource("templates/form-demo.yaml"), dir.resolve("form-demo.yaml"));
        Files.writeString(dir.resolve("README.md"), "not a template");

        Catalog catalog = CatalogLoader.fromDirectory(dir);

        assertThat(catalog.templates()).extracting(CatalogTemplate::id).containsExactly("form-demo", "notice-board");
        assertThat(catalog.byCategory(Category.SME_SERVICES)).extracting(CatalogTemplate::id).containsExactly("form-demo");
    }

    @Test
    void brokenFileInDirectoryFailsTheWholeLoad(@TempDir Path dir) throws IOException {
        Files.copy(TestTemplates.resource("catalog/notice-board.yaml"), dir.resolve("notice-board.yaml"));
        Files.copy(TestTemplates.resource("broken/too-many-instances.yaml"), dir.resolve("too-many-instances.yaml"));

        assertThatThrownBy(() -> CatalogLoader.fromDirectory(dir))
                .isInstanceOf(CatalogException.class)
                .hasMessage(dir.getFileName() + "/too-many-instances.yaml: versions[0].instances.max: must be <= 20");
    }

    @Test
    void sameTemplateIdInTwoClassPathEntriesIsRefused(@TempDir Path dir) throws IOException {
        Path first = Files.createDirectories(dir.resolve("a/catalog"));
        Path second = Files.createDirectories(dir.resolve("b/catalog"));
        Files.copy(TestTemplates.resource("catalog/notice-board.yaml"), first.resolve("notice-board.yaml"));
        Files.copy(TestTemplates.resource("catalog/notice-board.yaml"), second.resolve("notice-board.yaml"));
        URL[] roots = {dir.resolve("a").toUri().toURL(), dir.resolve("b").toUri().toURL()};

        try (URLClassLoader loader = new URLClassLoader(roots, null)) {
            assertThatThrownBy(() -> CatalogLoader.fromClasspath(loader))
                    .isInstanceOf(CatalogException.class)
                    .hasMessageStartingWith("catalog/notice-board.yaml: id: duplicate template id notice-board (in ")
                    .satisfies(e -> assertThat(((CatalogException) e).source()).isEqualTo("catalog/notice-board.yaml"));
        }
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        String yaml = """
                id: two-problems
                name: {zh: 两个问题, en: Two problems}
                description: {zh: 说明, en: Description}
                category: shopping
                versions: []
                """;

        assertThatThrownBy(() -> CatalogLoader.read("catalog/two-problems.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CatalogException.class)
                .hasMessage("""
                        catalog/two-problems.yaml: category: must be one of e-government, citizen-services, \
                        city-management, sme-services (found "shopping")
                        catalog/two-problems.yaml: versions: must not be empty""")
                .satisfies(e -> assertThat(((CatalogException) e).problems()).hasSize(2));
    }

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> CatalogLoader.read("catalog/empty.yaml", new ByteArrayInputStream(new byte[0])))
                .hasMessage("catalog/empty.yaml: (file): must be a mapping");
    }

    @Test
    void templateSerializesWithItsSchemaForTheApi() {
        JsonNode json = JsonMapper.builder().build().valueToTree(TestTemplates.noticeBoard());

        assertThat(json.at("/category").asString()).isEqualTo("citizen-services");
        assertThat(json.at("/versions/0/parameters/properties/title/maxLength").asInt()).isEqualTo(100);
        assertThat(json.at("/versions/0/parameters/additionalProperties").asBoolean(true)).isFalse();
        assertThat(json.at("/versions/0/signIn").asString()).isEqualTo("none");
        assertThat(json.at("/versions/0/isolation").valueStream().map(JsonNode::asString).toList())
                .isEqualTo(List.of("process", "process-sandboxed", "standard", "hypervisor"));
    }
}
