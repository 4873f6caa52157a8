package org.civictaskforce.notification.web;

import java.util.List;

public record DeliveryLogPage(List<DeliveryLogEntry> content, PageView page) {
}
