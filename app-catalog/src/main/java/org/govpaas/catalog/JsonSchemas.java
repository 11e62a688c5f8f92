package org.govpaas.catalog;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that knows the JSON Schema library: the draft 2020-12 dialect plus our two
 * annotation keywords, compiled schemas, and the meta-schema that checks a template's schema.
 */
final class JsonSchemas {

    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    static final String TITLE_ZH = "x-title-zh";
    static final String DESCRIPTION_ZH = "x-description-zh";

    static final JsonMapper JSON = JsonMapper.builder().build();

    // Our keywords are annotations (like title), so the library neither warns about them nor
    // treats them as constraints. English messages regardless of the server's default locale:
    // ParameterError messages are English, the console translates by field and keyword.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft202012())
                    .keyword(new AnnotationKeyword(TITLE_ZH))
                    .keyword(new AnnotationKeyword(DESCRIPTION_ZH))
                    .build(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .locale(Locale.ENGLISH)
                    .formatAssertionsEnabled(false)
                    .build()));

    // The meta-schema ships inside the library's jar, so loading it never touches the network.
    private static final Schema META_SCHEMA = REGISTRY.getSchema(SchemaLocation.of(DRAFT_2020_12));

    private JsonSchemas() {
    }

    /** Compiles a schema that already passed {@link SchemaRules}: no $ref, no $id, nothing fetched. */
    static Schema compile(JsonNode schema) {
        Schema compiled = REGISTRY.getSchema(schema);
        compiled.initializeValidators();
        return compiled;
    }

    /** Checks a schema against the draft 2020-12 meta-schema. */
    static List<Error> checkAgainstMetaSchema(JsonNode schema) {
        return META_SCHEMA.validate(schema);
    }
}
