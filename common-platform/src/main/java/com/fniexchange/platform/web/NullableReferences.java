package com.fniexchange.platform.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.util.List;
import org.springdoc.core.customizers.PropertyCustomizer;

/**
 * Keeps {@code @Schema(nullable = true)} on a property whose type is another schema. OpenAPI 3.0
 * ignores every keyword beside a {@code $ref}, so the generator drops it; the property becomes
 * {@code allOf: [$ref]} with {@code nullable: true} instead, which clients and validators read.
 */
class NullableReferences implements PropertyCustomizer {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null || property.get$ref() == null || !declaredNullable(type.getCtxAnnotations())) {
            return property;
        }
        ComposedSchema nullable = new ComposedSchema();
        nullable.addAllOfItem(new Schema<>().$ref(property.get$ref()));
        nullable.setNullable(true);
        nullable.setDescription(description(type.getCtxAnnotations()));
        return nullable;
    }

    private static boolean declaredNullable(Annotation[] annotations) {
        return annotations != null && List.of(annotations).stream()
                .anyMatch(a -> a instanceof io.swagger.v3.oas.annotations.media.Schema s && s.nullable());
    }

    private static String description(Annotation[] annotations) {
        return List.of(annotations).stream()
                .filter(a -> a instanceof io.swagger.v3.oas.annotations.media.Schema s && !s.description().isEmpty())
                .map(a -> ((io.swagger.v3.oas.annotations.media.Schema) a).description())
                .findFirst().orElse(null);
    }
}
