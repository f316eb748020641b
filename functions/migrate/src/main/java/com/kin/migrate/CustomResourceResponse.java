package com.kin.migrate;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * The answer CloudFormation waits for at the event's pre-signed {@code ResponseURL} (see "Custom resource response
 * objects" in the CloudFormation user guide). Field names are CloudFormation's.
 */
@Serdeable
public record CustomResourceResponse(
        String Status,
        String Reason,
        String PhysicalResourceId,
        String StackId,
        String RequestId,
        String LogicalResourceId,
        Map<String, String> Data) {

    /** One resource for the stack's lifetime: a new id would make CloudFormation delete the "old" one. */
    static final String PHYSICAL_ID = "kin-migrations";
    /** CloudFormation refuses a response body over 4 KB; the reason is the only part that can grow. */
    static final int MAX_REASON = 3000;

    static CustomResourceResponse success(CloudFormationCustomResourceEvent event, String reason, Map<String, String> data) {
        return of(event, "SUCCESS", reason, data);
    }

    static CustomResourceResponse failed(CloudFormationCustomResourceEvent event, String reason) {
        return of(event, "FAILED", reason, Map.of());
    }

    private static CustomResourceResponse of(CloudFormationCustomResourceEvent event, String status, String reason,
                                             Map<String, String> data) {
        String physicalId = event.getPhysicalResourceId() == null ? PHYSICAL_ID : event.getPhysicalResourceId();
        String shortReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
        return new CustomResourceResponse(status, shortReason, physicalId, event.getStackId(), event.getRequestId(),
                event.getLogicalResourceId(), data);
    }
}
