package com.kin.twiliomessaging;

import com.kin.twilio.webhook.SignedWebhook;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;

/**
 * Twilio's messaging webhooks on this function's URL. Every route takes a {@link SignedWebhook}, so the signature is
 * checked before anything else runs; a request that fails it gets a 403 problem.
 */
@Controller
@Consumes(MediaType.ALL)
class MessagingController {

    private final InboundSmsService inbound;
    private final MessageStatusService statuses;

    MessagingController(InboundSmsService inbound, MessageStatusService statuses) {
        this.inbound = inbound;
        this.statuses = statuses;
    }

    /** An SMS/MMS to one of our numbers: store it, apply opt-out keywords; TwiML with a reply or none. */
    @Post("/sms")
    @Produces(MediaType.TEXT_XML)
    String incoming(SignedWebhook webhook) {
        return inbound.receive(webhook);
    }

    @Post("/sms/status")
    HttpResponse<Void> status(SignedWebhook webhook) {
        statuses.apply(webhook);
        return HttpResponse.noContent();
    }
}
