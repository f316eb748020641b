package com.kin.twiliovoice;

import com.kin.data.routing.Route;
import com.kin.twilio.twiml.VoiceResponses;
import com.kin.twilio.twiml.Voicemail;
import com.kin.twilio.webhook.SignedWebhook;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Enqueue;
import com.twilio.twiml.voice.Task;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TwiML documents inbound calls are answered with, built with the Twilio SDK. Every callback they name is one of
 * this function's routes under the webhook's public base URL, so it works behind a function URL, a custom domain and
 * the local runtime alike.
 */
@Singleton
class VoiceTwiml {

    static final String DIAL_COMPLETE = "/voice/dial-complete";
    static final String RECORDING = "/voice/recording";
    static final String TRANSCRIPTION = "/voice/transcription";

    private final VoiceConfig config;
    private final JsonMapper json;

    VoiceTwiml(VoiceConfig config, JsonMapper json) {
        this.config = config;
        this.json = json;
    }

    /**
     * The first answer to a call: TaskRouter when a workflow is configured, else ring the owner, else the department's
     * agents; voicemail when there is no one to ring.
     */
    String answer(Route route, SignedWebhook webhook) {
        if (!route.hasTarget()) {
            return voicemail(webhook);
        }
        if (config.usesTaskRouter()) {
            return enqueue(route, webhook);
        }
        if (route.owner() != null && route.owner().dialable()) {
            return dial(List.of(route.owner().clientIdentity()), DialStage.OWNER, webhook);
        }
        return ringAgentsOrVoicemail(route, webhook);
    }

    /** The second ring: the department's agents, or voicemail when it has none. */
    String ringAgentsOrVoicemail(Route route, SignedWebhook webhook) {
        List<String> identities = route.agentIdentities();
        return identities.isEmpty() ? voicemail(webhook) : dial(identities, DialStage.DEPARTMENT, webhook);
    }

    String voicemail(SignedWebhook webhook) {
        return VoiceResponses.voicemail(new Voicemail(config.voicemailGreeting(), config.voicemailMaxSeconds(),
                URI.create(webhook.callbackUrl(TRANSCRIPTION)), URI.create(webhook.callbackUrl(RECORDING))));
    }

    String hangup() {
        return VoiceResponses.hangup();
    }

    private String dial(List<String> identities, DialStage stage, SignedWebhook webhook) {
        URI action = URI.create(webhook.callbackUrl(DIAL_COMPLETE) + "?stage=" + stage.wireName());
        return VoiceResponses.routeToAgents(identities, config.dialTimeoutSeconds(), action);
    }

    /**
     * Hands the call to the TaskRouter workflow with what it needs to pick a worker: the department, and the owner's
     * worker SID as the preferred worker. When the caller leaves the queue, Twilio posts {@code QueueResult} to the
     * dial-complete route, which hangs up after a conversation and otherwise takes a voicemail.
     */
    private String enqueue(Route route, SignedWebhook webhook) {
        Task task = new Task.Builder(taskAttributes(route, webhook)).timeout(config.queueTimeoutSeconds()).build();
        Enqueue enqueue = new Enqueue.Builder().workflowSid(config.workflowSid())
                .action(URI.create(webhook.callbackUrl(DIAL_COMPLETE))).task(task).build();
        return new VoiceResponse.Builder().enqueue(enqueue).build().toXml();
    }

    private String taskAttributes(Route route, SignedWebhook webhook) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", "inbound_call");
        attributes.put("call_sid", webhook.required("CallSid"));
        attributes.put("from", webhook.required("From"));
        if (route.department() != null) {
            attributes.put("department", route.department());
        }
        route.contactId().ifPresent(id -> attributes.put("contact_id", id.toString()));
        if (route.owner() != null && route.owner().workerSid() != null) {
            attributes.put("preferred_worker_sid", route.owner().workerSid());
        }
        try {
            return json.writeValueAsString(attributes);
        } catch (IOException e) {
            throw new UncheckedIOException("voice - cannot write TaskRouter task attributes", e);
        }
    }
}
