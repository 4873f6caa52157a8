package org.civictaskforce.membership.domain;

/** What a meeting is for; DISCUSSION meetings count towards the plan's participation target. */
public enum MeetingKind {
    EXPERT_MEETING, DISCUSSION, OTHER
}
