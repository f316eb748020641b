package com.kin.local.services.twilio;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Twilio's REST API the functions call, answered for one account: create a Message, create a Call, fetch
 * the Account. Requests are already authenticated; this routes them, checks them as Twilio does and starts the status
 * callbacks of what it created.
 */
final class TwilioRestApi {

    /** What to answer: HTTP status and the JSON body. */
    record Answer(int status, Map<String, Object> body) {
        static Answer of(TwilioError error) {
            return new Answer(error.status(), error.body());
        }
    }

    private static final Pattern ROUTE = Pattern.compile(
            "^/" + TwilioResources.API_VERSION + "/Accounts/([A-Za-z0-9]+)(?:/(Messages|Calls))?\\.json$");

    private final String accountSid;
    private final Clock clock;
    private final Instant accountCreated;
    private final CallbackSender callbacks;

    TwilioRestApi(String accountSid, Clock clock, CallbackSender callbacks) {
        this.accountSid = accountSid;
        this.clock = clock;
        this.accountCreated = clock.instant();
        this.callbacks = callbacks;
    }

    Answer handle(String method, String path, String formBody) {
        Matcher route = ROUTE.matcher(path);
        if (!route.matches() || !accountSid.equals(route.group(1))) {
            // Twilio answers 404 for another account's resources too: their existence is not disclosed.
            return Answer.of(TwilioError.notFound(path));
        }
        String collection = route.group(2);
        String expected = collection == null ? "GET" : "POST";
        if (!expected.equals(method)) {
            return Answer.of(TwilioError.methodNotAllowed(method));
        }
        try {
            if (collection == null) {
                return new Answer(200, TwilioResources.account(accountSid, accountCreated, clock.instant()));
            }
            FormFields form = FormFields.parse(formBody);
            return "Messages".equals(collection) ? createMessage(form) : createCall(form);
        } catch (TwilioRejection e) {
            return Answer.of(e.error());
        } catch (IllegalArgumentException e) {
            return Answer.of(TwilioError.badRequest(20001, e.getMessage()));
        }
    }

    private Answer createMessage(FormFields form) {
        TwilioRequests.MessageRequest request = TwilioRequests.message(form);
        String sid = TwilioSids.next("SM");
        // A Messaging Service first accepts the message, then picks a sender and queues it.
        String status = request.from() == null ? "accepted" : "queued";
        Map<String, Object> json = TwilioResources.message(accountSid, sid, request, status, clock.instant());
        startCallbacks(sid, request.statusCallback(), () -> StatusCallbacks.forMessage(accountSid, sid, request));
        return new Answer(201, json);
    }

    private Answer createCall(FormFields form) {
        TwilioRequests.CallRequest request = TwilioRequests.call(form);
        String sid = TwilioSids.next("CA");
        Map<String, Object> json = TwilioResources.call(accountSid, sid, request, clock.instant());
        startCallbacks(sid, request.statusCallback(), () -> StatusCallbacks.forCall(accountSid, sid, request));
        return new Answer(201, json);
    }

    private void startCallbacks(String sid, URI url, Supplier<List<StatusCallbacks.Stage>> stages) {
        if (url != null) {
            callbacks.send(sid, url, stages.get());
        }
    }
}
