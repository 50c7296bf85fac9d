package com.zhidian.members.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Consent for the purposes that need it under PIPL (精准推送 and personalisation). Membership itself never
 * does: a member who has never answered has not consented.
 */
public final class Consent {
    private Consent() {}

    /** The version of the consent text shown to members, recorded with every answer. */
    public static final String CURRENT_TEXT_VERSION = "2026-01";

    public enum Purpose {
        MARKETING_PUSH("marketing_push"), PERSONALIZATION("personalization");

        private final String code;

        Purpose(String code) { this.code = code; }

        public String code() { return code; }

        public static Optional<Purpose> of(String code) {
            for (Purpose p : values()) if (p.code.equals(code)) return Optional.of(p);
            return Optional.empty();
        }
    }

    /** Where the answer was given. */
    public enum Channel {
        H5("h5"), POS("pos"), PORTAL("portal"), MINI_PROGRAM("mini_program"), ERASURE("erasure"), UNSUBSCRIBE_LINK("unsubscribe_link");

        private final String code;

        Channel(String code) { this.code = code; }

        public String code() { return code; }

        public static Optional<Channel> of(String code) {
            for (Channel c : values()) if (c.code.equals(code)) return Optional.of(c);
            return Optional.empty();
        }
    }

    /** The current answer for one purpose; {@code at} is null when the member never answered. */
    public record State(Purpose purpose, boolean granted, Instant at, Channel channel, String textVersion) {
        public static State never(Purpose p) {
            return new State(p, false, null, null, null);
        }
    }

    /** One grant or withdrawal, kept for as long as the proof of consent must be. */
    public record Event(String eventId, Purpose purpose, boolean granted, Instant at, Channel channel,
                        String textVersion, String actorRole) {}
}
