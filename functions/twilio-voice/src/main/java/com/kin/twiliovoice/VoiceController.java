package com.kin.twiliovoice;

import com.kin.twilio.webhook.SignedWebhook;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;

/**
 * Twilio's voice webhooks on this function's URL. Every route takes a {@link SignedWebhook}, so the signature is checked
 * before anything else runs; a request that fails it gets a 403 problem. Any content type is accepted here because the
 * signature check, not content negotiation, decides whether a request is Twilio's.
 */
@Controller
@Consumes(MediaType.ALL)
class VoiceController {

    private final InboundCallService inbound;
    private final CallStatusService statuses;
    private final VoicemailService voicemails;

    VoiceController(InboundCallService inbound, CallStatusService statuses, VoicemailService voicemails) {
        this.inbound = inbound;
        this.statuses = statuses;
        this.voicemails = voicemails;
    }

    /** A call to one of our numbers: route it (TwiML). */
    @Post("/voice")
    @Produces(MediaType.TEXT_XML)
    String incoming(SignedWebhook webhook) {
        return inbound.answer(webhook);
    }

    /** The end of a {@code <Dial>} or TaskRouter queue: hang up, ring the next people, or take a voicemail (TwiML). */
    @Post(VoiceTwiml.DIAL_COMPLETE)
    @Produces(MediaType.TEXT_XML)
    String dialComplete(SignedWebhook webhook, @Nullable @QueryValue String stage) {
        return inbound.afterDial(webhook, DialStage.parse(stage));
    }

    @Post("/voice/status")
    HttpResponse<Void> status(SignedWebhook webhook) {
        statuses.apply(webhook);
        return HttpResponse.noContent();
    }

    @Post(VoiceTwiml.RECORDING)
    HttpResponse<Void> recording(SignedWebhook webhook) {
        voicemails.recording(webhook);
        return HttpResponse.noContent();
    }

    @Post(VoiceTwiml.TRANSCRIPTION)
    HttpResponse<Void> transcription(SignedWebhook webhook) {
        voicemails.transcription(webhook);
        return HttpResponse.noContent();
    }
}
