package org.civictaskforce.platform.outbox;

import java.util.List;

import java.util.function.Consumer;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventType;
import org.civictaskforce.platform.messaging.IdempotentProjection;
import org.civictaskforce.platform.messaging.InboundEvents;
import org.civictaskforce.platform.messaging.InboundRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/** A tiny service used only to prove the platform plumbing against a real broker and store. */
@SpringBootApplication
@org.springframework.data.mongodb.repository.config.EnableMongoRepositories(considerNestedRepositories = true)
public class KitTestApplication {
    static final String TOPIC = "kit-test.events.v1";

    @EventType("org.civictaskforce.kittest.widget.changed")
    public record WidgetChanged(String widgetId, int seq, boolean poison) {
    }

    @Document("widgets")
    public static class WidgetDocument extends OutboxDocument {
        @Id
        private String id;
        private int seq;

        public WidgetDocument() {
        }

        public WidgetDocument(String id) {
            this.id = id;
        }

        public String getId() {
            return id;
        }

        public int getSeq() {
            return seq;
        }

        public void setSeq(int seq) {
            this.seq = seq;
        }
    }

    /** Shows who the kit thinks is calling: the verified caller and the actor the audit trail records. */
    @org.springframework.web.bind.annotation.RestController
    public static class WhoAmI {
        @org.springframework.web.bind.annotation.GetMapping("/kit/whoami")
        public java.util.Map<String, Object> whoami() {
            org.civictaskforce.platform.security.Caller caller = org.civictaskforce.platform.security.Caller.current();
            return java.util.Map.of("subject", String.valueOf(caller.subject()), "roles",
                    caller.roles().stream().map(Enum::name).sorted().toList(),
                    "actor", org.civictaskforce.platform.web.Actor.current());
        }

        @org.springframework.web.bind.annotation.GetMapping("/kit/coordinators-only")
        public String coordinatorsOnly() {
            org.civictaskforce.platform.security.Caller.current().requireCoordinator();
            return "ok";
        }
    }

    public interface Widgets extends MongoRepository<WidgetDocument, String> {
    }

    /**
     * A consumer that records, per widget, how many events it applied and in which order: a functional
     * bean bound as {@code widgets-in-0} (kit-test.properties).
     */
    @Component("widgets")
    public static class WidgetProjection implements Consumer<Message<byte[]>> {
        private final IdempotentProjection projection;

        public WidgetProjection(IdempotentProjection projection) {
            this.projection = projection;
        }

        @Override
        public void accept(Message<byte[]> message) {
            EventEnvelope envelope = InboundEvents.envelope(InboundRecord.of(message));
            WidgetChanged changed = InboundEvents.data(envelope, WidgetChanged.class);
            if (changed.poison()) {
                throw new IllegalStateException("widget " + changed.widgetId() + " cannot be processed");
            }
            projection.apply("widget_view", changed.widgetId(), envelope.id(),
                    new Update().inc("applied", 1).push("sequence", changed.seq())
                            .set("lastCorrelationId", org.civictaskforce.platform.web.CorrelationId.current()));
        }
    }

    static List<Integer> sequence(org.bson.Document view) {
        return view == null ? List.of() : view.getList("sequence", Integer.class);
    }
}
