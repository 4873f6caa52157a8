package org.civictaskforce.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackTracesTest {

    @Test
    void writesTypesAndFramesOfTheWholeChainButNoMessage() {
        Exception error = new IllegalStateException("person anna@example.org",
                new IllegalArgumentException("Anna Example"));

        String line = StackTraces.withoutMessages(error);

        assertThat(line).startsWith("java.lang.IllegalStateException")
                .contains("caused by java.lang.IllegalArgumentException")
                .contains("at " + StackTracesTest.class.getName() + ".writesTypesAndFramesOfTheWholeChainButNoMessage")
                .doesNotContain("anna@example.org").doesNotContain("Anna Example");
    }
}
