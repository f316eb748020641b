package com.kin.bulksmsworker;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * The Lambda entry point of the bulk SMS worker: the SQS event source hands it a batch of queue messages and it answers
 * with the ones to deliver again ({@code ReportBatchItemFailures}); the work lives in {@link QueueBatchProcessor}.
 */
public class BulkSmsWorkerHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    /** The Lambda runtime, not Micronaut, constructs the handler, so the context injects this field afterwards. */
    @Inject
    QueueBatchProcessor processor;

    public BulkSmsWorkerHandler() {
        super();
    }

    public BulkSmsWorkerHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return processor.process(event);
    }
}
