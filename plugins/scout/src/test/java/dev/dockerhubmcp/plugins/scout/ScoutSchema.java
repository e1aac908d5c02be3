package dev.dockerhubmcp.plugins.scout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerhubmcp.testkit.TestPaths;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Docker Scout schema ({@link TestPaths#scoutSchema()}) loaded with graphql-java,
 * to validate the queries the plugin sends and the variables it sends with them.
 */
final class ScoutSchema {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile ScoutSchema instance;

    private final GraphQLSchema schema;
    private final GraphQL engine;

    private ScoutSchema(GraphQLSchema schema) {
        this.schema = schema;
        this.engine = GraphQL.newGraphQL(schema).build();
    }

    static Path file() {
        return TestPaths.scoutSchema();
    }

    static ScoutSchema get() {
        ScoutSchema s = instance;
        if (s == null) {
            synchronized (ScoutSchema.class) {
                s = instance;
                if (s == null) {
                    try {
                        TypeDefinitionRegistry types = new SchemaParser().parse(Files.readString(file()));
                        s = new ScoutSchema(UnExecutableSchemaGenerator.makeUnExecutableSchema(types));
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot read " + file(), e);
                    }
                    instance = s;
                }
            }
        }
        return s;
    }

    GraphQLSchema schema() {
        return schema;
    }

    /** Parse and validation errors of a query (empty when it validates). */
    List<String> validate(String query) {
        ParseAndValidateResult r = ParseAndValidate.parseAndValidate(schema,
            ExecutionInput.newExecutionInput().query(query).build());
        List<String> out = new ArrayList<>();
        r.getErrors().forEach(e -> out.add(describe(e)));
        return out;
    }

    /**
     * Validation errors of a query with these variables: the document, and the variables coerced to the declared
     * input types (a missing required field, a wrong enum value or an unknown input field is an error). The query is
     * run over empty data, so only request errors count.
     */
    @SuppressWarnings("unchecked")
    List<String> validate(String query, JsonNode variables) {
        List<String> out = new ArrayList<>(validate(query));
        if (!out.isEmpty()) {
            return out;
        }
        Map<String, Object> vars = variables == null || variables.isNull() ? Map.of()
            : MAPPER.convertValue(variables, Map.class);
        ExecutionResult r = engine.execute(ExecutionInput.newExecutionInput().query(query).variables(vars).build());
        for (GraphQLError e : r.getErrors()) {
            String kind = String.valueOf(e.getErrorType());
            if (kind.equals("ValidationError") || kind.equals("InvalidSyntax") || kind.equals("BAD_REQUEST")) {
                out.add(describe(e));
            }
        }
        return out;
    }

    private static String describe(GraphQLError e) {
        return e.getErrorType() + ": " + e.getMessage() + (e.getLocations() == null ? "" : " at " + e.getLocations());
    }
}
