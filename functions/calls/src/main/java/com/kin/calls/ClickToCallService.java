package com.kin.calls;

import com.kin.core.domain.Call;
import com.kin.core.domain.CallStatus;
import com.kin.core.error.BadRequestError;
import com.kin.core.error.ForbiddenError;
import com.kin.core.error.NotFoundError;
import com.kin.core.error.OutcomeNotRecordedError;
import com.kin.core.error.UnprocessableError;
import com.kin.core.identity.Caller;
import com.kin.data.Database;
import com.kin.data.calls.AgentLine;
import com.kin.data.calls.CallRow;
import com.kin.data.calls.CallTarget;
import com.kin.data.calls.ClickToCallRepository;
import com.kin.data.calls.OutboundCall;
import com.kin.twilio.rest.CallInstructions;
import com.kin.twilio.rest.PlacedCall;
import com.kin.twilio.rest.TwilioGateway;
import com.kin.twilio.twiml.VoiceResponses;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;

/**
 * Click-to-call ({@code POST /api/calls}): Twilio rings the agent first (their phone or their client) and, once they
 * answer, runs the TwiML given with the call, which dials the contact showing KIN's number. The call is recorded when
 * Twilio has accepted it, because its row is keyed by the CallSid Twilio returns; nothing is recorded when Twilio refuses.
 */
@Singleton
class ClickToCallService {

    private final Database database;
    private final ClickToCallRepository calls;
    private final TwilioGateway twilio;
    private final VoiceCallConfig config;
    private final CallCache cache;
    private final Clock clock;

    ClickToCallService(Database database, ClickToCallRepository calls, TwilioGateway twilio, VoiceCallConfig config,
                       CallCache cache, Clock clock) {
        this.database = database;
        this.calls = calls;
        this.twilio = twilio;
        this.config = config;
        this.cache = cache;
        this.clock = clock;
    }

    Call place(Caller caller, ClickToCallRequest request) {
        AgentLine agent = calls.agent(database, caller.userId()).orElseThrow(() ->
                new ForbiddenError("calls - user " + caller.userId() + " is not an active user and may not place calls"));
        String agentEndpoint = endpoint(agent, request.via());
        Dialled dialled = dialled(caller, request);
        String twiml = VoiceResponses.dialNumber(dialled.number(), config.callerId());
        PlacedCall placed = twilio.placeCall(agentEndpoint, config.callerId(), CallInstructions.twiml(twiml),
                config.statusCallback());
        CallRow recorded = record(new OutboundCall(placed.callSid(), CallStatus.fromWire(placed.status())
                .orElse(CallStatus.QUEUED), config.callerId(), agentEndpoint, caller.userId(), dialled.contactId(),
                agent.department()));
        cache.changed(recorded.placement());
        return recorded.call();
    }

    /**
     * Records the call Twilio placed. The agent's phone rings whatever happens here, so a failure is answered as final
     * (never released for an Idempotency-Key retry to place it again), naming the CallSid to reconcile.
     */
    private CallRow record(OutboundCall call) {
        try {
            return calls.record(database, call, clock.instant());
        } catch (RuntimeException e) {
            throw new OutcomeNotRecordedError("calls - Twilio placed call " + call.callSid() + " but KIN could not "
                    + "record it; it is ringing, do not place it again", e);
        }
    }

    /** What Twilio dials to ring the agent: their phone number, or {@code client:<identity>}; 400 naming what is missing. */
    private static String endpoint(AgentLine agent, ClickToCallRequest.Via via) {
        return switch (via) {
            case PHONE -> {
                if (agent.phoneNumber() == null) {
                    throw BadRequestError.field("phoneNumber", "your user has no phone number to ring; add one or call"
                            + " via \"client\"");
                }
                yield agent.phoneNumber();
            }
            case CLIENT -> {
                if (agent.clientIdentity() == null) {
                    throw BadRequestError.field("clientIdentity", "your user has no client identity to ring; call via"
                            + " \"phone\"");
                }
                yield "client:" + agent.clientIdentity();
            }
        };
    }

    private Dialled dialled(Caller caller, ClickToCallRequest request) {
        if (request.contactId() == null) {
            UUID contact = calls.visibleContactWithNumber(database, caller, request.to()).orElse(null);
            return new Dialled(contact, request.to());
        }
        CallTarget target = calls.contact(database, request.contactId())
                .filter(found -> caller.canAccess(found.ownerId(), found.ownerDepartment()))
                .orElseThrow(() -> NotFoundError.of("contacts", request.contactId()));
        if (target.number() == null) {
            throw new UnprocessableError("calls - contact " + request.contactId() + " has no phone number to call");
        }
        return new Dialled(target.contactId(), target.number());
    }

    /** Whom the agent is connected to: the contact the call is filed under (if any) and the number dialled. */
    private record Dialled(UUID contactId, String number) {
    }
}
