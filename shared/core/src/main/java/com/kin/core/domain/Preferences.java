package com.kin.core.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Optional;

/**
 * A user's preferences, stored as one JSON document ({@code users.preferences}) and always replaced whole.
 *
 * <p>{@code timezone} is an IANA zone id ({@code Europe/Paris}), {@code language} a BCP 47 tag in canonical form
 * ({@code en-US}), {@code pageSize} the default list size ({@value #MIN_PAGE_SIZE}-{@value #MAX_PAGE_SIZE}),
 * {@code defaultVoicemailQueue} the voicemail view the client opens first. A field a document leaves out takes its value
 * from {@link #DEFAULTS}.
 */
@Serdeable
public record Preferences(
        String timezone,
        String language,
        Theme theme,
        int pageSize,
        VoicemailView defaultVoicemailQueue,
        Notifications notifications) {

    public static final int MIN_PAGE_SIZE = 10;
    public static final int MAX_PAGE_SIZE = 100;

    /** What a new user has, and what every field missing from a document means. */
    public static final Preferences DEFAULTS = new Preferences("UTC", "en-US", Theme.SYSTEM, 25, VoicemailView.MINE,
            new Notifications(true, false, true, VoicemailDigest.OFF));

    /** How a user is told about new work: by e-mail, SMS, desktop notification, and a periodic voicemail digest. */
    @Serdeable
    public record Notifications(boolean email, boolean sms, boolean desktop, VoicemailDigest voicemailDigest) {
    }

    @Serdeable
    public enum Theme {
        LIGHT("light"), DARK("dark"), SYSTEM("system");

        private final String wireName;

        Theme(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }

        public static Optional<Theme> fromWire(String value) {
            for (Theme theme : values()) {
                if (theme.wireName.equals(value)) {
                    return Optional.of(theme);
                }
            }
            return Optional.empty();
        }
    }

    /** The voicemail queue view a client opens by default (the views of {@code GET /api/voicemails?queue=}). */
    @Serdeable
    public enum VoicemailView {
        MINE("mine"), DEPARTMENT("department"), UNASSIGNED("unassigned");

        private final String wireName;

        VoicemailView(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }

        public static Optional<VoicemailView> fromWire(String value) {
            for (VoicemailView view : values()) {
                if (view.wireName.equals(value)) {
                    return Optional.of(view);
                }
            }
            return Optional.empty();
        }
    }

    @Serdeable
    public enum VoicemailDigest {
        OFF("off"), DAILY("daily"), WEEKLY("weekly");

        private final String wireName;

        VoicemailDigest(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }

        public static Optional<VoicemailDigest> fromWire(String value) {
            for (VoicemailDigest digest : values()) {
                if (digest.wireName.equals(value)) {
                    return Optional.of(digest);
                }
            }
            return Optional.empty();
        }
    }
}
