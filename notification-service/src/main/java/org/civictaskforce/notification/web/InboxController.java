package org.civictaskforce.notification.web;

import java.time.Clock;

import org.civictaskforce.notification.domain.InboxItem;
import org.civictaskforce.notification.application.InboxStore;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.platform.security.Caller;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;

/**
 * A person's in-app inbox, newest first.
 *
 * <p>Only the person themself reads, streams and marks their inbox; every other caller, a
 * coordinator too, gets 403 for every other id, whether or not that inbox has anything in it.
 */
@RestController
@Validated
@RequestMapping("/api/notifications/inbox/{personId}")
public class InboxController {
    static final String ID = "[A-Za-z0-9._:-]{1,200}";

    private final InboxStore inbox;
    private final InboxPush push;
    private final Clock clock;

    public InboxController(InboxStore inbox, InboxPush push, Clock clock) {
        this.inbox = inbox;
        this.push = push;
        this.clock = clock;
    }

    /** Server-sent events: {@code unread} on connect, then {@code inbox-item} for each new item. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live updates of one's own inbox (server-sent events)")
    @ApiResponse(responseCode = "200", description = "Server-sent events: `unread` (the count) on connect, then `inbox-item` "
            + "(an InboxItemView as JSON) for each new item",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    public SseEmitter stream(@PathVariable @Pattern(regexp = ID) String personId) {
        requireOwn(personId);
        return push.connect(personId);
    }

    @GetMapping
    @Operation(summary = "One's own inbox, newest first, with the unread count")
    public InboxPage inbox(@PathVariable @Pattern(regexp = ID) String personId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        requireOwn(personId);
        Page<InboxItem> items = inbox.page(personId, page, size);
        return new InboxPage(items.getContent().stream().map(InboxController::view).toList(), PageView.of(items),
                inbox.unreadCount(personId));
    }

    @PostMapping("/items/{itemId}/read")
    @Operation(summary = "Mark an inbox item read")
    @ApiResponse(responseCode = "204", description = "Marked read")
    public ResponseEntity<Void> markRead(@PathVariable @Pattern(regexp = ID) String personId,
            @PathVariable @Pattern(regexp = ID) String itemId) {
        requireOwn(personId);
        if (!inbox.markRead(personId, itemId, clock.instant())) {
            throw new NotFoundException("Inbox item", itemId);
        }
        return ResponseEntity.noContent().build();
    }

    /** Only the person themself: nobody else reads or changes it, not even a coordinator (403 for every other id). */
    static void requireOwn(String personId) {
        Caller caller = Caller.current();
        caller.require(caller.is(personId), "Only the person themself may see or change this.");
    }

    private static InboxItemView view(InboxItem item) {
        return new InboxItemView(item.id(), item.subject(), item.body(), item.language(), item.createdAt(), item.read());
    }
}
