package com.kin.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.kin.core.domain.Contact;
import com.kin.core.page.Page;
import com.kin.testing.LambdaEvents;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JSON work around a request: a page of 25 contacts written and read by Micronaut Serde (the handler's and the
 * cache's mapper), and the API Gateway event parsed from the sample the way the runtime interface client parses it
 * in Lambda (aws-lambda-java-serialization).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SerializationBenchmark {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<Page<Contact>> PAGE = (Argument) Argument.of(Page.class, Contact.class);

    private ObjectMapper mapper;
    private Page<Contact> page;
    private byte[] pageJson;
    private byte[] eventJson;
    private PojoSerializer<APIGatewayV2HTTPEvent> eventSerializer;

    @Setup
    public void start() throws IOException {
        mapper = ObjectMapper.getDefault();
        page = new Page<>(contacts(25), "eyJzIjoidXBkYXRlZCJ9");
        pageJson = mapper.writeValueAsBytes(PAGE, page);
        eventJson = LambdaEvents.json("contacts/get.json").getBytes(StandardCharsets.UTF_8);
        eventSerializer = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class,
                SerializationBenchmark.class.getClassLoader());
    }

    @Benchmark
    public byte[] writeContactPage() throws IOException {
        return mapper.writeValueAsBytes(PAGE, page);
    }

    @Benchmark
    public Page<Contact> readContactPage() throws IOException {
        return mapper.readValue(pageJson, PAGE);
    }

    @Benchmark
    public APIGatewayV2HTTPEvent parseApiGatewayEvent() {
        return eventSerializer.fromJson(new ByteArrayInputStream(eventJson));
    }

    private static List<Contact> contacts(int count) {
        List<Contact> contacts = new ArrayList<>(count);
        Instant now = Instant.parse("2026-11-24T06:00:00Z");
        for (int i = 0; i < count; i++) {
            contacts.add(new Contact(UUID.randomUUID(), UUID.randomUUID(), "First" + i, "Last" + i, "Organization " + i,
                    "+1415555" + String.format("%04d", i), null, "contact" + i + "@example.com", List.of("vip", "prospect"),
                    false, null, "Met at the spring fair; prefers SMS.", now.minusSeconds(86_400L * i), now, i));
        }
        return contacts;
    }
}
