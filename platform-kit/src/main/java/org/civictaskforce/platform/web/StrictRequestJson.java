package org.civictaskforce.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.core.Ordered;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The one rule for request bodies in every servlet service: a body is read as written or refused
 * (400 problem, by {@link ProblemDetailsAdvice}). A property the request does not have is refused,
 * never dropped (mass assignment: {@code "status"}, {@code "actorId"} …), and no value changes type on
 * the way in: no boolean or number into a text ({@code "title":true}), no text into a number or
 * boolean ({@code "1"}, {@code "true"}), no fraction into an integer, no empty text into null, an
 * enum or an object.
 *
 * <p>Applied after Boot's own customizer, so a service's {@code spring.jackson.*} cannot loosen it.
 * Events are read with {@code EventJson}, which stays tolerant of fields added later.
 */
public class StrictRequestJson implements JsonMapperBuilderCustomizer, Ordered {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // text is not one of Jackson's "scalars": its coercions are switched off one by one
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfigDefaults(all -> all
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setAcceptBlankAsEmpty(false));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
