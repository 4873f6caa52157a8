package org.civictaskforce.strategy.domain.strategy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sections of one version of the Working Group's advocacy strategy. Lists are never null.
 *
 * @param targetInstitutions ids of research-service's institution catalogue (e.g. "wb")
 * @param evidence           ids of accepted research findings
 */
public record StrategyContent(String context, List<String> goals, List<String> targetInstitutions,
        List<String> objectives, List<Action> actions, List<String> indicators, List<Risk> risks,
        List<String> evidence) {

    /** The section names, in the order they are shown; comments are anchored to one of them. */
    public static final List<String> SECTIONS = List.of("context", "goals", "targetInstitutions", "objectives",
            "actions", "indicators", "risks", "evidence");

    public enum ActionStatus { PLANNED, IN_PROGRESS, DONE, DROPPED }

    /** An action: who owns it (a person id) and when it is due. */
    public record Action(String text, String ownerId, LocalDate due, ActionStatus status) {
    }

    /** A risk, whether it is a risk of reprisal against the people or organisations involved, and its mitigation. */
    public record Risk(String description, boolean reprisal, String mitigation) {
    }

    public StrategyContent {
        context = context == null ? "" : context;
        goals = copy(goals);
        targetInstitutions = copy(targetInstitutions);
        objectives = copy(objectives);
        actions = copy(actions);
        indicators = copy(indicators);
        risks = copy(risks);
        evidence = copy(evidence);
    }

    public static StrategyContent empty() {
        return new StrategyContent("", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public StrategyContent withTargetInstitutions(List<String> institutions) {
        return new StrategyContent(context, goals, institutions, objectives, actions, indicators, risks, evidence);
    }

    /** Each section as plain text, for anchoring comments and checking quoted passages. */
    public Map<String, String> sectionTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("context", context);
        texts.put("goals", String.join("\n", goals));
        texts.put("targetInstitutions", String.join("\n", targetInstitutions));
        texts.put("objectives", String.join("\n", objectives));
        List<String> a = new ArrayList<>();
        actions.forEach(x -> a.add(x.text() + " (" + x.ownerId() + ", " + x.due() + ", " + x.status() + ")"));
        texts.put("actions", String.join("\n", a));
        texts.put("indicators", String.join("\n", indicators));
        List<String> r = new ArrayList<>();
        risks.forEach(x -> r.add(x.description() + (x.reprisal() ? " [reprisal]" : "") + " — " + x.mitigation()));
        texts.put("risks", String.join("\n", r));
        texts.put("evidence", String.join("\n", evidence));
        return texts;
    }

    /** The names of the sections that differ from {@code other}. */
    public List<String> changedSince(StrategyContent other) {
        Map<String, String> mine = sectionTexts();
        Map<String, String> theirs = other.sectionTexts();
        return SECTIONS.stream().filter(s -> !Objects.equals(mine.get(s), theirs.get(s))).toList();
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
