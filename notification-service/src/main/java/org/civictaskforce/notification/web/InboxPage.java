package org.civictaskforce.notification.web;

import java.util.List;

public record InboxPage(List<InboxItemView> content, PageView page, long unreadCount) {
}
