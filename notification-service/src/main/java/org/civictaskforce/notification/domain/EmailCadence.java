package org.civictaskforce.notification.domain;

/** Whether a person's e-mails go out one by one or gathered into one e-mail a day. */
public enum EmailCadence {
    IMMEDIATE,
    DAILY_DIGEST
}
