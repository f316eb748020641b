package com.kin.local.services.twilio;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Twilio posts to a StatusCallback, stage by stage: a message goes {@code sent} then {@code delivered}; a call
 * goes initiated, ringing, answered ({@code in-progress}) and completed, and only the stages its StatusCallbackEvent
 * asked for are posted, numbered from 0 in SequenceNumber. Each stage is built when it is sent, so timestamps and
 * the call's duration come from the clock at that moment.
 */
final class StatusCallbacks {

    /** One callback of a sequence: its parameters, from the time it is sent. */
    interface Stage {
        Map<String, String> params(Instant now);
    }

    private static final List<String> MESSAGE_STATUSES = List.of("sent", "delivered");
    /** A call's progress events and the CallStatus each reports. */
    private static final Map<String, String> CALL_STATUS = Map.of(
            "initiated", "initiated", "ringing", "ringing", "answered", "in-progress", "completed", "completed");

    private StatusCallbacks() {
    }

    static List<Stage> forMessage(String accountSid, String messageSid, TwilioRequests.MessageRequest message) {
        List<Stage> stages = new ArrayList<>();
        for (String status : MESSAGE_STATUSES) {
            stages.add(now -> {
                Map<String, String> params = new LinkedHashMap<>();
                params.put("SmsSid", messageSid);
                params.put("SmsStatus", status);
                params.put("MessageStatus", status);
                params.put("To", message.to());
                if (message.messagingServiceSid() != null) {
                    params.put("MessagingServiceSid", message.messagingServiceSid());
                }
                params.put("MessageSid", messageSid);
                params.put("AccountSid", accountSid);
                // With a Messaging Service and no From, Twilio reports the number the service chose; here, none was.
                params.put("From", message.from() == null ? message.messagingServiceSid() : message.from());
                params.put("ApiVersion", TwilioResources.API_VERSION);
                return params;
            });
        }
        return stages;
    }

    /** The stages of a call placed by the API, answered and then hung up, as far as {@code call} asked to hear. */
    static List<Stage> forCall(String accountSid, String callSid, TwilioRequests.CallRequest call) {
        CallTimeline timeline = new CallTimeline();
        List<Stage> stages = new ArrayList<>();
        for (String event : TwilioRequests.CALL_EVENTS) {
            if (call.statusCallbackEvents().contains(event)) {
                stages.add(now -> {
                    Map<String, String> params = callParams(accountSid, callSid, call, CALL_STATUS.get(event), now);
                    params.put("SequenceNumber", String.valueOf(timeline.nextSequence()));
                    if ("answered".equals(event)) {
                        timeline.answered(now);
                    } else if ("completed".equals(event)) {
                        long seconds = timeline.secondsTalked(now);
                        params.put("CallDuration", String.valueOf(seconds));
                        // Duration is the billed minutes, rounded up.
                        params.put("Duration", String.valueOf((seconds + 59) / 60));
                    }
                    return params;
                });
            }
        }
        return stages;
    }

    /**
     * What one call's callbacks share: how many were posted, and when it was answered. Its stages run one after the
     * other (each is scheduled when the previous one finished), so no two threads use it at once.
     */
    private static final class CallTimeline {

        private int sequence;
        private Instant answeredAt;

        int nextSequence() {
            return sequence++;
        }

        void answered(Instant at) {
            answeredAt = at;
        }

        /**
         * Whole seconds from the answer to {@code end}, rounded up: an answered call is billed at least a second. A call
         * whose answer was not reported counts from its end, so it lasted that one second.
         */
        long secondsTalked(Instant end) {
            long millis = answeredAt == null ? 0 : Math.max(0, Duration.between(answeredAt, end).toMillis());
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    private static Map<String, String> callParams(String accountSid, String callSid, TwilioRequests.CallRequest call,
                                                  String status, Instant now) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", accountSid);
        params.put("ApiVersion", TwilioResources.API_VERSION);
        params.put("CallSid", callSid);
        params.put("CallStatus", status);
        params.put("CallbackSource", "call-progress-events");
        params.put("Called", call.to());
        params.put("Caller", call.from());
        params.put("Direction", "outbound-api");
        params.put("From", call.from());
        params.put("Timestamp", TwilioResources.RFC_2822.format(now));
        params.put("To", call.to());
        return params;
    }
}
