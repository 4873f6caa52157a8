package org.civictaskforce.strategy.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.civictaskforce.strategy.domain.consultation.Comment;
import org.civictaskforce.strategy.domain.consultation.ConsultationRound;
import org.civictaskforce.strategy.domain.guide.GuideRuleException;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * A round is one document, and MongoDB refuses one over 16 MiB. Filled by members to its budget with the
 * widest characters there are (3 bytes each in UTF-8, the worst case), the stored round stays below the
 * limit, keeps taking replies and resolutions within it, and refuses more with 422 "full" instead of
 * failing to save.
 */
class ConsultationRoundBudgetTest {
    static final int MONGO_LIMIT = 16 * 1024 * 1024;
    static final Instant NOW = Instant.parse("2026-12-10T09:00:00Z");
    static final String WIDE = "€"; // 3 bytes in UTF-8, 1 Java char

    @Test
    void aRoundFilledToItsBudgetWithTheWidestTextStaysUnderMongoDbsLimit() {
        String sectionText = WIDE.repeat(ConsultationRound.MAX_CONSULTED_CHARACTERS - 10);
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("goals", sectionText);
        List<String> people = java.util.stream.IntStream.range(0, ConsultationRound.MAX_INVITED_PEOPLE)
                .mapToObj(i -> "00000000-0000-0000-0000-" + String.format("%012d", i)).toList();
        ConsultationRound round = ConsultationRound.open("r-1", ConsultationRound.SubjectKind.STRATEGY_VERSION, "1",
                sections, LocalDateTime.parse("2026-12-20T18:00:00"), "Asia/Almaty", List.of(), people,
                Set.copyOf(people), NOW, "coord").round();
        ConsultationRound.Author author = new ConsultationRound.Author(people.get(0), List.of("org-1"), "KZ");

        // the longest comments with the longest quotes until the text budget is reached
        int n = 0;
        String quote = WIDE.repeat(ConsultationRound.MAX_QUOTE);
        String text = WIDE.repeat(ConsultationRound.MAX_TEXT);
        // leave just the room the short comments and replies below need
        long shortOnes = ConsultationRound.MAX_COMMENTS + ConsultationRound.MAX_REPLIES;
        while (round.commentCharacters() + quote.length() + text.length() + shortOnes
                <= ConsultationRound.MAX_COMMENT_CHARACTERS) {
            round.comment("c-" + n, author, "goals", quote, text, NOW);
            n++;
        }
        int longOnes = n;
        assertThat(n).as("long comments a round holds").isGreaterThan(200);
        // then short ones up to the number of comments, replies up to theirs, and every comment declined
        // with the longest reason
        for (int i = n; i < ConsultationRound.MAX_COMMENTS; i++) {
            round.comment("c-" + i, author, "goals", null, WIDE, NOW);
        }
        assertThatThrownBy(() -> round.comment("one-more", author, "goals", null, WIDE, NOW))
                .isInstanceOf(GuideRuleException.class).hasMessageContaining("full");
        for (int r = 0; r < ConsultationRound.MAX_REPLIES; r++) {
            round.reply("c-" + (longOnes + r % (ConsultationRound.MAX_COMMENTS - longOnes)), "rep-" + r, people.get(1),
                    WIDE, NOW);
        }
        assertThatThrownBy(() -> round.reply("c-0", "rep-more", people.get(1), WIDE, NOW))
                .isInstanceOf(GuideRuleException.class).hasMessageContaining("full");
        String reason = WIDE.repeat(ConsultationRound.MAX_REASON);
        for (int i = 0; i < ConsultationRound.MAX_COMMENTS; i++) {
            round.resolve("c-" + i, Comment.Outcome.DECLINED, reason, "coord", NOW);
        }

        int bytes = storedBytes(round);
        System.out.printf("a round at its worst-case budget: %d comments, %d replies, %.1f MB stored%n",
                round.comments().size(), ConsultationRound.MAX_REPLIES, bytes / 1e6);
        assertThat(bytes).isLessThan(MONGO_LIMIT);
    }

    @Test
    void pastTheTextBudgetARoundSaysItIsFullAndKeepsWhatItHas() {
        ConsultationRound round = ConsultationRound.open("r-4", ConsultationRound.SubjectKind.STRATEGY_VERSION, "1",
                Map.of("goals", "Open budgets"), LocalDateTime.parse("2026-12-20T18:00:00"), "Asia/Almaty",
                List.of(), List.of("p-1"), Set.of("p-1"), NOW, "coord").round();
        ConsultationRound.Author author = new ConsultationRound.Author("p-1", List.of(), "KZ");
        String text = "ж".repeat(ConsultationRound.MAX_TEXT);
        int n = 0;
        while (n < ConsultationRound.MAX_COMMENT_CHARACTERS / ConsultationRound.MAX_TEXT) {
            round.comment("c-" + n++, author, "goals", null, text, NOW);
        }
        assertThatThrownBy(() -> round.comment("c-more", author, "goals", null, "one more", NOW))
                .isInstanceOf(GuideRuleException.class).hasMessageContaining("this round is full");
        assertThatThrownBy(() -> round.reply("c-0", "r-1", "p-1", "a reply", NOW))
                .isInstanceOf(GuideRuleException.class).hasMessageContaining("this round is full");
        assertThat(round.comments()).hasSize(n);
        // what is there can still be resolved, and withdrawing makes room again
        round.resolve("c-0", Comment.Outcome.ACCEPTED, null, "coord", NOW);
        round.withdraw("c-1", NOW);
        round.comment("c-more", author, "goals", null, "one more", NOW);
        assertThat(round.comments()).hasSize(n);
    }

    @Test
    void overLongQuotesRepliesAndReasonsAreRefused() {
        Map<String, String> sections = Map.of("goals", "Open budgets");
        ConsultationRound round = ConsultationRound.open("r-2", ConsultationRound.SubjectKind.STRATEGY_VERSION, "1",
                sections, LocalDateTime.parse("2026-12-20T18:00:00"), "Asia/Almaty", List.of(), List.of("p-1"),
                Set.of("p-1"), NOW, "coord").round();
        ConsultationRound.Author author = new ConsultationRound.Author("p-1", List.of(), "KZ");
        assertThatThrownBy(() -> round.comment("c-1", author, "goals", "x".repeat(ConsultationRound.MAX_QUOTE + 1),
                "text", NOW)).isInstanceOf(GuideRuleException.class).hasMessageContaining("quoted passage");
        round.comment("c-1", author, "goals", "Open", "text", NOW);
        assertThatThrownBy(() -> round.reply("c-1", "r-1", "p-1", "x".repeat(ConsultationRound.MAX_REPLY + 1), NOW))
                .isInstanceOf(GuideRuleException.class).hasMessageContaining("reply");
        assertThatThrownBy(() -> round.resolve("c-1", Comment.Outcome.DECLINED,
                "x".repeat(ConsultationRound.MAX_REASON + 1), "coord", NOW))
                .isInstanceOf(GuideRuleException.class).hasMessageContaining("reason");
        assertThat(round.comment("c-1").replies()).isEmpty();
        assertThat(round.comment("c-1").resolution()).isNull();
        Map<String, String> huge = Map.of("goals", "x".repeat(ConsultationRound.MAX_CONSULTED_CHARACTERS + 1));
        assertThatThrownBy(() -> ConsultationRound.open("r-3", ConsultationRound.SubjectKind.STRATEGY_VERSION, "1",
                huge, LocalDateTime.parse("2026-12-20T18:00:00"), "Asia/Almaty", List.of(), List.of("p-1"),
                Set.of("p-1"), NOW, "coord")).isInstanceOf(GuideRuleException.class);
    }

    /** The document exactly as Spring Data writes it, encoded as BSON. */
    private static int storedBytes(ConsultationRound round) {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        Document bson = new Document();
        converter.write(ConsultationRoundDocument.newFor(round), bson);
        return new RawBsonDocument(bson, new DocumentCodec()).getByteBuffer().remaining();
    }
}
