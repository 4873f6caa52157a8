package org.civictaskforce.membership.messaging;

import static org.civictaskforce.platform.messaging.InboundEvents.require;

import org.civictaskforce.contracts.research.InstitutionCatalogued;
import org.civictaskforce.membership.application.InstitutionReadModel;
import org.civictaskforce.platform.messaging.EventConsumer;
import org.civictaskforce.platform.messaging.EventRouter;
import org.springframework.stereotype.Component;

/**
 * Keeps the institution catalogue from {@code research.events.v1} ({@code InstitutionCatalogued}),
 * against which decisions on target institutions are checked; other research events are ignored.
 */
@Component("researchEvents")
public class ResearchEventsListener extends EventConsumer {

    public ResearchEventsListener(InstitutionReadModel catalogue) {
        super(new EventRouter()
                .on(InstitutionCatalogued.class, (envelope, event) -> {
                    require(envelope, event.institutionId(), "institutionId");
                    require(envelope, event.name(), "name");
                    catalogue.record(envelope.id(), event.institutionId(), event.name(), event.cataloguedAt());
                }));
    }
}
