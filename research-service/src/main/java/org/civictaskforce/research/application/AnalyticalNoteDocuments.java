package org.civictaskforce.research.application;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.civictaskforce.documents.Document;
import org.civictaskforce.documents.DocumentFormat;
import org.civictaskforce.documents.DocumentRenderer;
import org.civictaskforce.documents.MarkdownText;
import org.civictaskforce.research.domain.Finding;
import org.civictaskforce.research.domain.Strand;
import org.civictaskforce.research.domain.note.NoteChanges;
import org.civictaskforce.research.domain.note.NoteContent;
import org.civictaskforce.research.domain.note.NoteVersion;

/**
 * The analytical note as a document of the shared renderer (document-renderer): Markdown, HTML, PDF or
 * DOCX. One level-1 section per institution (its accountability mechanism), level 2 per country (its
 * relation with the institution), level 3 per finding (statement, citations, the standards it rests
 * on); every catalogue fact with its source, confidence and a visible UNVERIFIED mark. Everything that
 * came from people's input goes in as plain text ({@link MarkdownText}), so it shows as written.
 * Labels are English; statements and quotes stay in the language they were written in.
 */
public final class AnalyticalNoteDocuments {
    public static final String TITLE = "Analytical note";
    private static final DocumentRenderer RENDERER = new DocumentRenderer();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private AnalyticalNoteDocuments() {
    }

    public static byte[] render(Document document, DocumentFormat format) {
        return RENDERER.render(document, format);
    }

    public static Document of(NoteVersion version) {
        return document("Version " + version.number() + ", published " + TIME.format(version.publishedAt()),
                version.content(), version.changes());
    }

    public static Document draft(AnalyticalNoteService.Draft draft) {
        return document("Draft (not published)"
                + (draft.latestNumber() == null ? "" : "; the latest version is " + draft.latestNumber()),
                draft.content(), draft.changes());
    }

    public static String fileName(NoteVersion version, DocumentFormat format) {
        return format.fileName("analytical-note-v" + version.number());
    }

    public static String draftFileName(DocumentFormat format) {
        return format.fileName("analytical-note-draft");
    }

    static Document document(String subtitle, NoteContent content, NoteChanges changes) {
        List<Document.Section> sections = new ArrayList<>();
        sections.add(new Document.Section(1, changes.previousNumber() == null ? "Contents of this first version"
                : "What changed since version " + changes.previousNumber(), changesBody(changes)));
        int n = 0;
        for (NoteContent.InstitutionPart institution : content.institutions()) {
            sections.add(new Document.Section(1, institution.name(), institutionBody(institution)));
            for (NoteContent.CountryPart country : institution.countries()) {
                sections.add(new Document.Section(2, country.name() + " — " + institution.name(), countryBody(country)));
                for (NoteContent.NoteFinding finding : country.findings()) {
                    sections.add(new Document.Section(3, "Finding " + (++n) + ": " + strand(finding.strand()),
                            findingBody(finding)));
                }
            }
        }
        List<String> metadata = List.of(
                count(content.findings().size(), "accepted finding") + " · "
                        + count(content.institutions().size(), "institution") + " · " + count(content.countries(), "country"),
                "Compiled from accepted research findings and the catalogue. Facts marked UNVERIFIED are drafts to check before relying on them.");
        return new Document(TITLE, "en", subtitle, metadata, sections);
    }

    private static String changesBody(NoteChanges changes) {
        if (changes.isEmpty()) {
            return "No findings added, removed or changed.";
        }
        StringBuilder md = new StringBuilder();
        list(md, "Added", changes.added());
        list(md, "Removed", changes.removed());
        if (!changes.changed().isEmpty()) {
            md.append("**Changed** (").append(changes.changed().size()).append(")\n\n");
            for (NoteChanges.Changed c : changes.changed()) {
                md.append("- ").append(MarkdownText.inline("finding " + c.findingId() + " (" + c.institutionId() + ", "
                        + c.country() + "): " + String.join("; ", c.what()))).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void list(StringBuilder md, String label, List<NoteChanges.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        md.append("**").append(label).append("** (").append(entries.size()).append(")\n\n");
        for (NoteChanges.Entry e : entries) {
            md.append("- ").append(MarkdownText.inline("finding " + e.findingId() + " version " + e.version() + " ("
                    + e.institutionId() + ", " + e.country() + ")")).append('\n');
        }
        md.append('\n');
    }

    private static String institutionBody(NoteContent.InstitutionPart institution) {
        StringBuilder md = new StringBuilder();
        md.append(MarkdownText.inline("Institution id " + institution.id()
                + (institution.kind() == null ? "" : ", kind " + institution.kind()))).append("\n\n");
        if (institution.mechanism() == null) {
            md.append("Accountability mechanism: not in the catalogue.\n");
        } else {
            md.append("**Accountability mechanism:** ").append(fact(institution.mechanism())).append('\n');
        }
        return md.toString();
    }

    private static String countryBody(NoteContent.CountryPart country) {
        if (country.relation() == null) {
            return "Relation with the institution: not in the catalogue.\n";
        }
        return "**Relation with the institution:** " + fact(country.relation()) + "\n";
    }

    private static String findingBody(NoteContent.NoteFinding f) {
        StringBuilder md = new StringBuilder();
        md.append(MarkdownText.block(f.statement())).append("\n\n");
        md.append(MarkdownText.inline("Finding " + f.findingId() + ", version " + f.version()
                + (f.confidence() == null || f.confidence().isBlank() ? "" : ", confidence " + f.confidence())))
                .append("\n\n");
        md.append("**Evidence**\n\n");
        for (Finding.Citation c : f.evidence()) {
            List<String> parts = new ArrayList<>();
            if (c.document() != null && !c.document().isBlank()) {
                parts.add(MarkdownText.inline(c.document()));
            }
            if (c.section() != null && !c.section().isBlank()) {
                parts.add(MarkdownText.inline(c.section()));
            }
            if (c.quote() != null && !c.quote().isBlank()) {
                parts.add("“" + MarkdownText.inline(c.quote()) + "”");
            }
            if (c.link() != null && !c.link().isBlank()) {
                parts.add(MarkdownText.link(c.link()));
            }
            if (c.accessedOn() != null) {
                parts.add("accessed " + c.accessedOn());
            }
            md.append("- ").append(String.join(", ", parts)).append('\n');
        }
        md.append('\n');
        if (!f.standards().isEmpty()) {
            md.append("**Standards it rests on**\n\n");
            for (NoteContent.StandardFact s : f.standards()) {
                md.append("- ");
                if (!s.found()) {
                    md.append(MarkdownText.inline(s.id())).append(": not in the institution's catalogue entry\n");
                    continue;
                }
                md.append(MarkdownText.inline(s.title() + (s.year() == null ? "" : " (" + s.year() + ")")
                        + ", catalogue version " + s.version()));
                md.append(source(s.url(), s.confidence(), s.unverified())).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String fact(NoteContent.Fact fact) {
        String text = MarkdownText.inline(fact.text());
        if (fact.detail() != null && !fact.detail().isBlank()) {
            text += " — " + MarkdownText.inline(fact.detail());
        }
        return text + source(fact.url(), fact.confidence(), fact.unverified());
    }

    private static String source(String url, String confidence, boolean unverified) {
        StringBuilder out = new StringBuilder();
        out.append(". Source: ").append(url == null || url.isBlank() ? "none recorded" : MarkdownText.link(url));
        if (confidence != null && !confidence.isBlank()) {
            out.append(" (confidence ").append(MarkdownText.inline(confidence)).append(')');
        }
        if (unverified) {
            out.append(" **UNVERIFIED**");
        }
        return out.toString();
    }

    private static String count(int n, String noun) {
        if (n == 1) {
            return "1 " + noun;
        }
        return n + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }

    static String strand(Strand strand) {
        return switch (strand) {
            case STANDARDS_AND_RULES -> "standards and rules";
            case LEGAL_AND_POLITICAL_RELATIONS -> "legal and political relations";
            case ADVOCACY_TOOLS_AND_PRACTICES -> "advocacy tools and practices";
        };
    }
}
