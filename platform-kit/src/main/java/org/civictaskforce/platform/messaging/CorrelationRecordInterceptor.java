package org.civictaskforce.platform.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.civictaskforce.platform.web.CorrelationId;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Carries the correlation id across Kafka: what a consumer does (its log lines, the events it raises
 * in turn) carries the id of the request that caused the event. Typed {@code <Object, Object>}
 * because that is the type Boot applies to its listener container factory.
 */
public class CorrelationRecordInterceptor implements RecordInterceptor<Object, Object> {
    public static final String HEADER = "ce_correlationid";

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        Header header = record.headers().lastHeader(HEADER);
        if (header != null && header.value() != null && header.value().length > 0) {
            CorrelationId.set(new String(header.value(), StandardCharsets.UTF_8));
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        CorrelationId.clear();
    }
}
