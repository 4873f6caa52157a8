package org.civictaskforce.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictRequestJsonTest {
    enum Kind { GENERAL, OTHER }

    record Nested(String note) {
    }

    record Body(String title, Integer count, Boolean flag, Kind kind, LocalDate day, Nested nested,
            List<String> tags) {
    }

    record Primitives(int size, boolean on) {
    }

    /** The mapper as Boot builds it for a service (its own customizer first), with the kit's rule. */
    private static final JsonMapper MAPPER = bootMapper(new StrictRequestJson());

    private static JsonMapper bootMapper(JsonMapperBuilderCustomizer rule) {
        JsonMapper[] built = new JsonMapper[1];
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withBean(JsonMapperBuilderCustomizer.class, () -> rule)
                .run(context -> built[0] = context.getBean(JsonMapper.class));
        return built[0];
    }

    @Test
    void aBodyAsWrittenIsRead() {
        Body body = MAPPER.readValue("""
                {"title":"","count":2,"flag":true,"kind":"GENERAL","day":"2026-01-02","nested":{"note":"n"},
                 "tags":["a"]}""", Body.class);

        assertThat(body).isEqualTo(new Body("", 2, true, Kind.GENERAL, LocalDate.of(2026, 1, 2), new Nested("n"),
                List.of("a")));
        assertThat(MAPPER.readValue("{\"size\":3,\"on\":true}", Primitives.class)).isEqualTo(new Primitives(3, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"title\":\"t\",\"actorId\":\"evil\"}",
            "{\"title\":true}",
            "{\"title\":123}",
            "{\"title\":1.5}",
            "{\"tags\":[1]}",
            "{\"nested\":{\"note\":false}}",
            "{\"count\":\"12\"}",
            "{\"count\":1.5}",
            "{\"flag\":\"true\"}",
            "{\"flag\":1}",
            "{\"count\":\"\"}",
            "{\"kind\":\"\"}",
            "{\"day\":\"\"}",
            "{\"nested\":\"\"}",
            "{\"tags\":\"\"}" })
    void anUnknownPropertyOrAValueOfAnotherTypeIsRefused(String json) {
        assertThatThrownBy(() -> MAPPER.readValue(json, Body.class)).as(json).isInstanceOf(JacksonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"size\":\"3\",\"on\":true}", "{\"size\":null,\"on\":true}",
            "{\"size\":3,\"on\":1}", "{\"size\":3,\"on\":\"true\"}", "{\"size\":3.5,\"on\":true}" })
    void aPrimitiveOfAnotherTypeOrNullIsRefused(String json) {
        assertThatThrownBy(() -> MAPPER.readValue(json, Primitives.class)).as(json)
                .isInstanceOf(JacksonException.class);
    }
}
