package org.civictaskforce.systemtests.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Dockerfile read as Docker reads it (comment lines dropped, backslash continuations joined), split into
 * stages, with the rules the repository's Dockerfile keeps.
 */
final class Dockerfile {

    record Instruction(int line, String keyword, String arguments) {
    }

    /** One build stage: {@code FROM base [AS name]} and its instructions. */
    record Stage(String name, String base, int line, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        Optional<Instruction> last(String keyword) {
            List<Instruction> matching = all(keyword);
            return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
        }
    }

    /**
     * Base images known to contain an HTTP probe for healthchecks. The eclipse-temurin images on Ubuntu keep
     * curl and wget (adoptium/containers issue 255); the Alpine and UBI variants do not promise either.
     */
    static final Map<Pattern, Set<String>> IMAGES_WITH_PROBES = Map.of(
            Pattern.compile("eclipse-temurin:[^@]*-(jre|jdk)-(noble|jammy|focal|resolute)"), Set.of("curl", "wget"));

    private final List<Stage> stages;

    private Dockerfile(List<Stage> stages) {
        this.stages = stages;
    }

    static Dockerfile read(Path file) {
        return parse(RepositoryFiles.read(file));
    }

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = null;
        int startLine = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.trim();
            if (trimmed.startsWith("#")) {
                continue; // comments and parser directives; also dropped inside continuations, as Docker does
            }
            if (current == null) {
                if (trimmed.isEmpty()) {
                    continue;
                }
                current = new StringBuilder();
                startLine = i + 1;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                instructions.add(instruction(startLine, current.toString().trim()));
                current = null;
            }
        }
        if (current != null) {
            instructions.add(instruction(startLine, current.toString().trim()));
        }

        List<Stage> stages = new ArrayList<>();
        List<Instruction> stageInstructions = null;
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                List<String> words = new ArrayList<>(List.of(instruction.arguments().split("\\s+")));
                words.removeIf(w -> w.startsWith("--"));
                String base = words.isEmpty() ? "" : words.get(0);
                String name = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2) : String.valueOf(stages.size());
                stageInstructions = new ArrayList<>();
                stages.add(new Stage(name, base, instruction.line(), stageInstructions));
            } else if (stageInstructions != null) {
                stageInstructions.add(instruction);
            }
        }
        return new Dockerfile(stages);
    }

    private static Instruction instruction(int line, String text) {
        int space = text.indexOf(' ');
        String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        return new Instruction(line, keyword, space < 0 ? "" : text.substring(space + 1).trim());
    }

    List<Stage> stages() {
        return stages;
    }

    /** The stage the image is made of: the last one. */
    Optional<Stage> runtimeStage() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }

    Optional<Stage> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The stage and the stages it is built FROM, nearest first. */
    List<Stage> lineage(Stage stage) {
        List<Stage> lineage = new ArrayList<>();
        for (Stage s = stage; s != null && !lineage.contains(s); s = stage(s.base()).orElse(null)) {
            lineage.add(s);
        }
        return lineage;
    }

    /** The external image a stage is ultimately built on. */
    String externalBase(Stage stage) {
        List<Stage> lineage = lineage(stage);
        return lineage.get(lineage.size() - 1).base();
    }

    // --- rules -------------------------------------------------------------------------------------------

    /** The runtime stage ends with a USER that is not root (USER carries over from a stage it is built on). */
    static List<String> runtimeRunsAsNonRoot(Dockerfile dockerfile) {
        Optional<Stage> runtime = dockerfile.runtimeStage();
        if (runtime.isEmpty()) {
            return List.of("the Dockerfile has no FROM: no stage to run");
        }
        for (Stage stage : dockerfile.lineage(runtime.get())) {
            Optional<Instruction> user = stage.last("USER");
            if (user.isPresent()) {
                String name = user.get().arguments().split(":")[0].trim();
                if (name.equals("root") || name.equals("0")) {
                    return List.of("the runtime stage (FROM " + runtime.get().base() + ", line " + runtime.get().line() + ") runs as root: USER " + user.get().arguments() + " on line " + user.get().line() + "; use the unprivileged user created for the service");
                }
                if (name.contains("$")) {
                    return List.of("the runtime stage's USER " + user.get().arguments() + " (line " + user.get().line() + ") comes from a variable, so it cannot be checked: name the user");
                }
                return List.of();
            }
        }
        return List.of("the runtime stage (FROM " + runtime.get().base() + ", line " + runtime.get().line() + ") has no USER instruction, so the service runs as root: add a system user and USER <uid>:<gid>");
    }

    static List<String> pinnedBaseImages(Dockerfile dockerfile) {
        List<String> problems = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            if (dockerfile.stages().stream().anyMatch(s -> s != stage && s.name().equals(stage.base()))) {
                continue; // FROM an earlier stage
            }
            ImageReference.pinningProblem(stage.base()).ifPresent(problem -> problems.add("Dockerfile line " + stage.line() + ": FROM " + problem));
        }
        return problems;
    }

    /** Every module's pom is copied before the sources, or the dependency layer and the reactor build break. */
    static List<String> copiesEveryModulePom(Dockerfile dockerfile, Collection<String> modules) {
        // the stage that runs the Maven reactor (an earlier one may build the web client with Node)
        Stage build = dockerfile.stages().stream()
                .filter(stage -> stage.all("RUN").stream().anyMatch(run -> run.arguments().contains("mvn")))
                .findFirst().orElse(dockerfile.stages().isEmpty() ? null : dockerfile.stages().get(0));
        if (build == null) {
            return List.of("the Dockerfile has no build stage");
        }
        List<String> copied = build.all("COPY").stream().map(Instruction::arguments).toList();
        List<String> problems = new ArrayList<>();
        for (String module : modules) {
            boolean found = copied.stream().anyMatch(args -> args.startsWith(module + "/pom.xml ") || args.contains(" " + module + "/pom.xml "));
            if (!found) {
                problems.add("the Dockerfile's build stage does not copy " + module + "/pom.xml before the sources: add 'COPY " + module + "/pom.xml " + module + "/' next to the other poms (the reactor needs every module's pom)");
            }
        }
        return problems;
    }

    /** The runtime stage runs /app/app.jar with a heap sized from the container's memory limit. */
    static List<String> containerAwareEntrypoint(Dockerfile dockerfile) {
        Optional<Stage> runtime = dockerfile.runtimeStage();
        if (runtime.isEmpty()) {
            return List.of("the Dockerfile has no runtime stage");
        }
        Optional<Instruction> entrypoint = runtime.get().last("ENTRYPOINT").or(() -> runtime.get().last("CMD"));
        if (entrypoint.isEmpty()) {
            return List.of("the runtime stage has neither ENTRYPOINT nor CMD");
        }
        List<String> problems = new ArrayList<>();
        String command = entrypoint.get().arguments();
        if (!command.contains("/app/app.jar")) {
            problems.add("the runtime stage's " + entrypoint.get().keyword() + " (line " + entrypoint.get().line() + ") does not run /app/app.jar: " + command);
        }
        if (!command.contains("-XX:MaxRAMPercentage=")) {
            problems.add("the runtime stage's " + entrypoint.get().keyword() + " (line " + entrypoint.get().line() + ") does not size the heap from the container limit (-XX:MaxRAMPercentage=75)");
        }
        return problems;
    }

    /** The program a healthcheck runs (curl, wget, ...) exists in the runtime image. */
    static List<String> probeAvailable(Dockerfile dockerfile, String probe, String usedBy) {
        Optional<Stage> runtime = dockerfile.runtimeStage();
        if (runtime.isEmpty()) {
            return List.of("the Dockerfile has no runtime stage");
        }
        String base = dockerfile.externalBase(runtime.get());
        boolean inBase = IMAGES_WITH_PROBES.entrySet().stream().anyMatch(e -> e.getKey().matcher(base).matches() && e.getValue().contains(probe));
        boolean installed = dockerfile.lineage(runtime.get()).stream()
                .flatMap(stage -> stage.all("RUN").stream())
                .map(Instruction::arguments)
                .anyMatch(run -> run.matches(".*\\b(apt-get|apt|apk|microdnf|dnf|yum)\\b.*\\b(install|add)\\b.*") && run.matches(".*\\b" + Pattern.quote(probe) + "\\b.*"));
        if (inBase || installed) {
            return List.of();
        }
        return List.of(usedBy + " runs '" + probe + "', but the runtime image (" + base + ") is not known to contain it and no RUN installs it: install it in the runtime stage or use a probe the image has");
    }
}
