package com.kin.local.template;

import java.util.Map;

/**
 * A DynamoDB table or an SQS queue: its local name and its properties with every intrinsic resolved.
 * The services translate the properties into their create calls.
 */
public record ResourceSpec(String logicalId, String name, Map<String, Object> properties) {
}
