package com.zhidian.merchants.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The complaint workflow: received → answered (the store records the merchant's answer) → mediating (the store
 * mediates) → closed with an outcome. A customer's withdrawal closes it from any open state; every other step out of
 * order is refused. The merchant has {@link #ANSWER_WITHIN} to answer.
 */
public final class ComplaintRules {
    public static final String RECEIVED = "received";
    public static final String ANSWERED = "answered";
    public static final String MEDIATING = "mediating";
    public static final String CLOSED = "closed";
    public static final Set<String> STATES = Set.of(RECEIVED, ANSWERED, MEDIATING, CLOSED);

    public static final String ANSWER = "answer";
    public static final String MEDIATE = "mediate";
    public static final String CLOSE = "close";
    public static final Set<String> ACTIONS = Set.of(ANSWER, MEDIATE, CLOSE);

    public static final String UPHELD = "upheld";
    public static final String PARTLY = "partly";
    public static final String REJECTED = "rejected";
    public static final String WITHDRAWN = "withdrawn";
    public static final Set<String> OUTCOMES = Set.of(UPHELD, PARTLY, REJECTED, WITHDRAWN);

    public static final Duration ANSWER_WITHIN = Duration.ofDays(3);
    public static final String DEADLINE_MISSED = "deadline_missed";

    private ComplaintRules() {}

    /** A new complaint, received now. */
    public static Complaint receive(String complaintId, Counter counter, String what, String happenedAt, String reference,
                                    String phone, Instant now) {
        return receive(complaintId, counter, what, happenedAt, reference, phone, null, now);
    }

    /** A new complaint with its photo's facts (null: none), received now. */
    public static Complaint receive(String complaintId, Counter counter, String what, String happenedAt, String reference,
                                    String phone, Photo photo, Instant now) {
        String at = now.toString();
        return new Complaint(complaintId, counter.merchantId(), counter.counterId(), counter.storeId(), what, happenedAt,
                reference, phone, RECEIVED, null, at, now.plus(ANSWER_WITHIN).toString(), null, null, false,
                List.of(new Step(RECEIVED, "customer", at, null, null)), 0, photo);
    }

    /**
     * The complaint after one step by {@code by}; refused when the step is not allowed from its state or an outcome is
     * missing or out of place. An answer after the deadline marks the complaint late.
     */
    public static Complaint apply(Complaint c, String action, String outcome, String note, String by, Instant now) {
        String at = now.toString();
        String to = switch (action) {
            case ANSWER -> RECEIVED.equals(c.status()) ? ANSWERED : null;
            case MEDIATE -> ANSWERED.equals(c.status()) ? MEDIATING : null;
            case CLOSE -> closable(c.status(), outcome) ? CLOSED : null;
            default -> null;
        };
        if (to == null) throw new MerchantsErrors.IllegalStep(c.complaintId(), c.status(), action, outcome);
        if (!CLOSE.equals(action) && outcome != null) throw new MerchantsErrors.OutcomeOutOfPlace(action);
        List<Step> steps = new ArrayList<>(c.steps());
        String stepName = CLOSE.equals(action) ? CLOSED : to;
        steps.add(new Step(stepName, by, at, note, CLOSE.equals(action) ? outcome : null));
        boolean late = c.late() || (ANSWER.equals(action) && now.isAfter(Instant.parse(c.answerBy())));
        return new Complaint(c.complaintId(), c.merchantId(), c.counterId(), c.storeId(), c.what(), c.happenedAt(),
                c.reference(), c.phone(), to, CLOSE.equals(action) ? outcome : c.outcome(), c.receivedAt(), c.answerBy(),
                ANSWER.equals(action) ? at : c.answeredAt(), CLOSE.equals(action) ? at : c.closedAt(), late, steps,
                c.version() + 1, c.photo());
    }

    /** Closing needs an outcome: a withdrawal from any open state, a decision only after mediation. */
    private static boolean closable(String status, String outcome) {
        if (outcome == null || !OUTCOMES.contains(outcome) || CLOSED.equals(status)) return false;
        return WITHDRAWN.equals(outcome) || MEDIATING.equals(status);
    }

    /** Whether an unanswered complaint is past its deadline now and not yet flagged. */
    public static boolean overdue(Complaint c, Instant now) {
        return RECEIVED.equals(c.status()) && !c.late() && now.isAfter(Instant.parse(c.answerBy()));
    }

    /** The complaint flagged by the deadline job: late, with a step by {@code system}. */
    public static Complaint flagLate(Complaint c, Instant now) {
        List<Step> steps = new ArrayList<>(c.steps());
        steps.add(new Step(DEADLINE_MISSED, "system", now.toString(), null, null));
        return new Complaint(c.complaintId(), c.merchantId(), c.counterId(), c.storeId(), c.what(), c.happenedAt(),
                c.reference(), c.phone(), c.status(), c.outcome(), c.receivedAt(), c.answerBy(), c.answeredAt(),
                c.closedAt(), true, steps, c.version() + 1, c.photo());
    }
}
