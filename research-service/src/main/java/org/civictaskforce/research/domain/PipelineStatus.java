package org.civictaskforce.research.domain;

/**
 * Where a person stands on the way into the working group, as far as research-service knows from
 * membership events. Neither status makes someone an expert yet: both are "in the pipeline".
 */
public enum PipelineStatus {
    /** Registered with the platform, not yet invited. */
    CANDIDATE,
    /** Invited to join the working group. */
    INVITED;

    /**
     * The status a registration gives a person seen for the first time. A registration never moves an
     * invited person back: events of one person arrive in order, but the read model may have learnt of
     * the invitation first (for example after a re-drive), and then the invitation stands.
     */
    public static PipelineStatus onFirstRegistration() {
        return CANDIDATE;
    }
}
