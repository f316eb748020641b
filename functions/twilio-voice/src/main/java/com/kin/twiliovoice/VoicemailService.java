package com.kin.twiliovoice;

import com.kin.core.error.UnprocessableError;
import com.kin.data.Database;
import com.kin.data.calls.CallParties;
import com.kin.data.calls.CallWebhookRepository;
import com.kin.data.routing.Route;
import com.kin.data.routing.RoutingRule;
import com.kin.data.voicemails.NewVoicemail;
import com.kin.data.voicemails.VoicemailWebhookRepository;
import com.kin.twilio.webhook.SignedWebhook;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns recording and transcription callbacks into voicemails: one per RecordingSid, routed like the call (contact by
 * number, assignee and department by the routing rule, priority from the contact), its transcription attached once.
 * Either callback may arrive first; the second completes what the first created. Each write that changed a voicemail
 * (each is one autocommitted statement) then invalidates the cached entries that show it.
 */
@Singleton
class VoicemailService {

    private static final Logger LOG = LoggerFactory.getLogger(VoicemailService.class);

    private static final String COMPLETED = "completed";

    private final Database database;
    private final CallWebhookRepository calls;
    private final VoicemailWebhookRepository voicemails;
    private final VoiceCache cache;
    private final RoutingRule routing;
    private final VoiceConfig config;
    private final Clock clock;

    VoicemailService(Database database, CallWebhookRepository calls, VoicemailWebhookRepository voicemails,
                     VoiceCache cache, RoutingRule routing, VoiceConfig config, Clock clock) {
        this.database = database;
        this.calls = calls;
        this.voicemails = voicemails;
        this.cache = cache;
        this.routing = routing;
        this.config = config;
        this.clock = clock;
    }

    /** A finished recording becomes a voicemail; an absent or failed one leaves nothing to store. */
    void recording(SignedWebhook webhook) {
        if (!webhook.optional("RecordingStatus").orElse(COMPLETED).equals(COMPLETED)) {
            return;
        }
        store(webhook, webhook.integer("RecordingDuration").orElse(null), null, null);
    }

    /** A finished transcription is attached to its voicemail (created from this callback if it is the first). */
    void transcription(SignedWebhook webhook) {
        if (!webhook.optional("TranscriptionStatus").orElse(COMPLETED).equals(COMPLETED)) {
            return;
        }
        String transcriptionSid = webhook.required("TranscriptionSid");
        String text = webhook.optional("TranscriptionText").orElse("");
        voicemails.attachTranscription(database, webhook.required("RecordingSid"), transcriptionSid, text,
                clock.instant()).ifPresentOrElse(cache::voicemailChanged, () -> store(webhook, null, transcriptionSid, text));
    }

    private void store(SignedWebhook webhook, Integer durationSeconds, String transcriptionSid, String transcription) {
        String callSid = webhook.required("CallSid");
        String recordingSid = webhook.required("RecordingSid");
        Optional<CallParties> call = calls.findParties(database, callSid);
        // A recording callback names only the call; a transcription callback also names the caller.
        String from = call.map(CallParties::from).or(() -> webhook.optional("From"))
                .orElseThrow(() -> new UnprocessableError("voicemails - recording " + recordingSid + " belongs to call "
                        + callSid + ", which KIN has no record of, and the callback does not name the caller"));
        String to = call.map(CallParties::to).or(() -> webhook.optional("To")).orElse("");
        Route route = routing.route(database, from, to, config.fallbackDepartment());
        voicemails.record(database, new NewVoicemail(call.map(CallParties::id).orElse(null),
                route.contactId().orElse(null), route.assigneeId().orElse(null), route.department(),
                route.voicemailPriority(), from, recordingSid, webhook.required("RecordingUrl"), durationSeconds,
                transcriptionSid, transcription), clock.instant()).ifPresentOrElse(cache::voicemailChanged, () -> LOG.debug(
                "voicemail of recording {} already stored: delivery {} changed nothing", recordingSid,
                webhook.idempotencyToken()));
    }
}
