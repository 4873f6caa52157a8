package org.civictaskforce.documents;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: renders a 50-section document (about 400 words per section, every Central Asian sample
 * string, lists, links, emphasis) to each format and prints the median and p95 time, the output size
 * and the heap used after a render.
 *
 * <pre>
 * ./mvnw -o -B -pl document-renderer verify -DexcludedGroups=none -Dtest=RenderBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m
 * </pre>
 *
 * Tagged {@code benchmark}, excluded from the normal build; the table goes to
 * {@code document-renderer/target/benchmarks/render.txt} (with the rendered PDF and DOCX beside it, to look at) and is recorded in docs/benchmarks.md.
 */
@Tag("benchmark")
class RenderBenchmark {

    private static final int SECTIONS = 50;
    private static final int WARM_UP = 3;
    private static final int REPEATS = 10;

    @Test
    void measure() throws Exception {
        Document document = fiftySections();
        DocumentRenderer renderer = new DocumentRenderer();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "document: %d sections, %d characters of Markdown; max heap %d MiB%n",
                SECTIONS, renderer.markdown(document).length(), Runtime.getRuntime().maxMemory() >> 20));
        table.append("| format | median ms | p95 ms | first ms | size KiB |\n|---|---:|---:|---:|---:|\n");
        for (DocumentFormat format : DocumentFormat.values()) {
            long firstStart = System.nanoTime();
            int size = renderer.render(document, format).length;
            double first = (System.nanoTime() - firstStart) / 1e6;
            for (int i = 0; i < WARM_UP; i++) {
                renderer.render(document, format);
            }
            double[] times = new double[REPEATS];
            for (int i = 0; i < REPEATS; i++) {
                long start = System.nanoTime();
                renderer.render(document, format);
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(times);
            table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", format.extension(),
                    times[REPEATS / 2], times[(int) Math.ceil(REPEATS * 0.95) - 1], first, size / 1024.0));
        }
        System.gc();
        table.append(String.format(Locale.ROOT, "heap used after the runs and a GC: %d MiB%n",
                memory.getHeapMemoryUsage().getUsed() >> 20));
        System.out.print(table);
        Path out = Path.of("target", "benchmarks", "render.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
        Files.write(out.resolveSibling("render-sample.pdf"), renderer.pdf(document));
        Files.write(out.resolveSibling("render-sample.docx"), renderer.docx(document));
    }

    static Document fiftySections() {
        List<Document.Section> sections = new ArrayList<>();
        for (int i = 1; i <= SECTIONS; i++) {
            String sample = Samples.BY_LANGUAGE.get(Samples.LANGUAGES.get(i % Samples.LANGUAGES.size()));
            StringBuilder body = new StringBuilder();
            for (int p = 0; p < 6; p++) {
                body.append(sample).append(": the institution's *stakeholder engagement* standard requires **meaningful** ")
                        .append("consultation, disclosure of information in a timely manner and in local languages, ")
                        .append("and a grievance mechanism that is accessible and protects complainants from reprisals. ")
                        .append("See [the source](https://example.org/standards/").append(i).append(") and `ESS10`.\n\n");
            }
            body.append("- first point ").append(sample).append("\n- second point\n- third point\n\n> a quoted passage\n");
            sections.add(new Document.Section(i % 5 == 0 ? 2 : 1, "Section " + i + " — " + sample, body.toString()));
        }
        return new Document("Benchmark note", "ru", "50 sections", List.of("Version 1"), sections);
    }
}
