package org.civictaskforce.strategy.persistence;

import java.time.Instant;

import org.civictaskforce.platform.outbox.OutboxDocument;
import org.civictaskforce.strategy.domain.strategy.StrategyContent;
import org.civictaskforce.strategy.domain.strategy.StrategyVersion;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One version of the strategy in {@code strategy_versions} ({@code _id} = strategyId:number), with its outbox. */
@Document(collection = StrategyVersionDocument.COLLECTION)
public class StrategyVersionDocument extends OutboxDocument {
    public static final String COLLECTION = "strategy_versions";

    @Id
    private String id;
    private String strategyId;
    private int number;
    private Integer basedOn;
    private String status;
    private StrategyContent content;
    private Instant changedAt;
    private String changedBy;
    private Instant adoptedAt;
    private String adoptedBy;

    public static String idOf(String strategyId, int number) {
        return strategyId + ":" + number;
    }

    public static StrategyVersionDocument newFor(StrategyVersion version) {
        StrategyVersionDocument document = new StrategyVersionDocument();
        document.id = idOf(version.strategyId(), version.number());
        document.apply(version);
        return document;
    }

    public void apply(StrategyVersion v) {
        strategyId = v.strategyId();
        number = v.number();
        basedOn = v.basedOn();
        status = v.status().name();
        content = v.content();
        changedAt = v.changedAt();
        changedBy = v.changedBy();
        adoptedAt = v.adoptedAt();
        adoptedBy = v.adoptedBy();
    }

    public StrategyVersion toDomain() {
        return StrategyVersion.restore(strategyId, number, basedOn, StrategyVersion.Status.valueOf(status),
                content == null ? StrategyContent.empty() : content, changedAt, changedBy, adoptedAt, adoptedBy);
    }

    public String getId() {
        return id;
    }
}
