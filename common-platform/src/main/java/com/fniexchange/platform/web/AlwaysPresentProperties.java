package com.fniexchange.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;

/**
 * Marks every property of a response schema that is not {@code nullable: true} as
 * {@code required}: the service writes every field of its response records, {@code null}
 * included, so a missing one is a broken answer. Generated clients then make those fields
 * non-optional, and the traffic test (common-test {@code OpenApiContract}) refuses a response that
 * drops one.
 * <p>
 * Only schemas reached from responses alone are changed (with the schemas they reference, and
 * inline ones). A schema also reached from a request body or parameter keeps the
 * {@code required} derived from bean validation, since a client may leave out what validation
 * allows. The {@code Problem} schema is left to {@link PlatformOpenApi}: most of its members
 * appear only for some problem types.
 */
class AlwaysPresentProperties implements OpenApiCustomizer, Ordered {

    private static final String COMPONENT = "#/components/schemas/";

    /** After the other customizers, so it sees the schemas they add. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null || openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openApi.getComponents().getSchemas();
        List<Schema<?>> requestRoots = new ArrayList<>();
        List<Schema<?>> responseRoots = new ArrayList<>();
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            requestRoots.addAll(requestSchemas(operation));
            if (operation.getResponses() != null) {
                operation.getResponses().values().forEach(response -> responseRoots.addAll(schemas(response.getContent())));
            }
        }));
        Set<Schema<?>> inRequests = reachable(requestRoots, components);
        Schema<?> problem = components.get(PlatformOpenApi.PROBLEM);
        for (Schema<?> schema : reachable(responseRoots, components)) {
            if (schema != problem && !inRequests.contains(schema)) {
                requireNonNullable(schema);
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static void requireNonNullable(Schema<?> schema) {
        if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return;
        }
        Set<String> required = new LinkedHashSet<>(schema.getRequired() == null ? List.of() : schema.getRequired());
        for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
            if (!Boolean.TRUE.equals(property.getValue().getNullable())) {
                required.add(property.getKey());
            }
        }
        schema.setRequired(new ArrayList<>(required));
    }

    private static List<Schema<?>> requestSchemas(Operation operation) {
        List<Schema<?>> roots = new ArrayList<>();
        if (operation.getRequestBody() != null) {
            roots.addAll(schemas(operation.getRequestBody().getContent()));
        }
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.getSchema() != null) {
                    roots.add(parameter.getSchema());
                }
                roots.addAll(schemas(parameter.getContent()));
            }
        }
        return roots;
    }

    private static List<Schema<?>> schemas(Content content) {
        List<Schema<?>> schemas = new ArrayList<>();
        if (content != null) {
            content.values().stream().map(mediaType -> (Schema<?>) mediaType.getSchema())
                    .filter(Objects::nonNull).forEach(schemas::add);
        }
        return schemas;
    }

    /** Every schema the roots lead to, following {@code $ref}s into the components (an identity set). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Set<Schema<?>> reachable(Collection<Schema<?>> roots, Map<String, Schema> components) {
        Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Schema<?>> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            Schema<?> schema = pending.pop();
            if (!seen.add(schema)) {
                continue;
            }
            if (schema.get$ref() != null && schema.get$ref().startsWith(COMPONENT)) {
                Schema target = components.get(schema.get$ref().substring(COMPONENT.length()));
                if (target != null) {
                    pending.push(target);
                }
            }
            Stream.of(
                    schema.getProperties() == null ? Stream.<Schema>empty() : schema.getProperties().values().stream(),
                    Stream.of(schema.getItems(), schema.getNot(),
                            schema.getAdditionalProperties() instanceof Schema s ? s : null),
                    schema.getAllOf() == null ? Stream.<Schema>empty() : schema.getAllOf().stream(),
                    schema.getAnyOf() == null ? Stream.<Schema>empty() : schema.getAnyOf().stream(),
                    schema.getOneOf() == null ? Stream.<Schema>empty() : schema.getOneOf().stream())
                    .flatMap(s -> s).filter(Objects::nonNull).forEach(s -> pending.push((Schema<?>) s));
        }
        return seen;
    }
}
