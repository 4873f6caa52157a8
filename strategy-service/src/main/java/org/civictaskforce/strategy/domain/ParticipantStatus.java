package org.civictaskforce.strategy.domain;

/** How far a person has come towards taking part in the advocacy, as strategy-service learns it from membership events. */
public enum ParticipantStatus {
    /** Registered with the platform, not yet invited. */
    CANDIDATE,
    /** Invited to join the working group. */
    INVITED;

    /**
     * The status a registration gives a person seen for the first time. A registration never moves an
     * invited person back: the read model may have learnt of the invitation first, and then it stands.
     */
    public static ParticipantStatus onFirstRegistration() {
        return CANDIDATE;
    }
}
