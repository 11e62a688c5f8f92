package org.govpaas.catalog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each file in {@code broken/} is the shipped notice board with exactly one thing wrong. */
class BrokenTemplateTest {

    static Stream<Arguments> brokenTemplates() {
        return Stream.of(
                arguments("unknown-field", "owner: unknown field"),
                arguments("unknown-version-field", "versions[0].replicas: unknown field"),
                arguments("missing-name-en", "name.en: is required"),
                arguments("missing-image", "versions[0].image: is required"),
                arguments("missing-instances-max", "versions[0].instances.max: is required"),
                arguments("Bad_Id", "id: must be a DNS label (a-z, 0-9 and '-', starting with a letter, at most 63)"),
                arguments("id-mismatch", "id: must equal the file name (id-mismatch)"),
                arguments("duplicate-version", "versions[1].version: duplicate version 1.0.0"),
                arguments("versions-out-of-order",
                        "versions[1].version: must be newer than 1.1.0 (list versions oldest first)"),
                arguments("memory-max-below-default", "versions[0].memoryMb.max: must be >= default (256)"),
                arguments("instances-default-above-max", "versions[0].instances.max: must be >= default (3)"),
                arguments("too-many-instances", "versions[0].instances.max: must be <= 20"),
                arguments("memory-too-small", "versions[0].memoryMb.default: must be >= 64"),
                arguments("memory-min-too-small", "versions[0].memoryMb.min: must be >= 64"),
                arguments("memory-default-below-min", "versions[0].memoryMb.default: must be >= min (384)"),
                arguments("memory-too-large", "versions[0].memoryMb.max: must be <= 16384"),
                arguments("unknown-category", "category: must be one of e-government, citizen-services, "
                        + "city-management, sme-services (found \"shopping\")"),
                arguments("unknown-service", "versions[0].services[0]: must be one of database (found \"redis\")"),
                arguments("unknown-sign-in",
                        "versions[0].signIn: must be one of none, citizens, staff, both (found \"everyone\")"),
                arguments("unknown-isolation", "versions[0].isolation[1]: must be one of process, "
                        + "process-sandboxed, standard, hypervisor, dedicated (found \"vm\")"),
                arguments("duplicate-isolation", "versions[0].isolation[1]: duplicate \"process\""),
                arguments("sensitive-without-hypervisor",
                        "versions[0].isolation: must include hypervisor (the version is sensitive)"),
                arguments("sensitive-with-standard",
                        "versions[0].isolation: must not include standard (the version is sensitive)"),
                arguments("jar-path-traversal", "versions[0].jar: must be Maven coordinates "
                        + "groupId:artifactId:version (groupId is not valid: ..)"),
                arguments("image-without-tag", "versions[0].image: must be an OCI image reference with a "
                        + "tag or digest, e.g. registry.example/app:1.0"),
                arguments("version-not-a-string", "versions[0].version: must be a string (quote it)"),
                arguments("schema-not-json-schema", "versions[0].parameters.properties.title.maxLength: "
                        + "not valid JSON Schema: must have a minimum value of 0"),
                arguments("schema-default-fails-schema",
                        "versions[0].parameters.properties.title.default: must be at most 100 characters"),
                arguments("schema-enum-default-fails",
                        "versions[0].parameters.properties.theme.default: must be one of: light, dark"),
                arguments("string-without-max-length",
                        "versions[0].parameters.properties.welcome.maxLength: is required for text (at most 2000)"),
                arguments("string-max-length-too-large",
                        "versions[0].parameters.properties.welcome.maxLength: must be <= 2000"),
                arguments("additional-properties-allowed", "versions[0].parameters.additionalProperties: "
                        + "must be false (a deploy request must not carry parameters nobody declared)"),
                arguments("schema-foreign-dialect", "versions[0].parameters.$schema: "
                        + "must be https://json-schema.org/draft/2020-12/schema"),
                arguments("schema-ref", "versions[0].parameters.properties.welcome.$ref: "
                        + "keyword not supported in template parameters"),
                arguments("schema-missing-zh-title", "versions[0].parameters.properties.theme.x-title-zh: "
                        + "is required (the form shows it as the label)"),
                arguments("schema-required-unknown",
                        "versions[0].parameters.required[1]: \"subtitle\" is not a property"),
                arguments("duplicate-key", "(file): not valid YAML: Duplicate Object property \"category\" (line 9)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTemplates")
    void brokenTemplateIsRefusedNamingFileAndField(String file, String problem) {
        assertThatThrownBy(() -> CatalogLoader.readFile(TestTemplates.resource("broken/" + file + ".yaml")))
                .isInstanceOf(CatalogException.class)
                .hasMessage("broken/" + file + ".yaml: " + problem);
    }
}
